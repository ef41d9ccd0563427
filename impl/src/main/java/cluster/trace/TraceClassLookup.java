package cluster.trace;

import cluster.messages.MessageCatalogue;
import net.openhft.chronicle.core.pool.ClassLookup;
import net.openhft.chronicle.core.util.ClassNotFoundRuntimeException;

import java.util.HashMap;
import java.util.Map;

/** Type tags a trace file may name: {@link TraceLine} and the message catalogue; nothing else gets instantiated. */
final class TraceClassLookup implements ClassLookup {
    static final TraceClassLookup INSTANCE = new TraceClassLookup();

    private final Map<String, Class<?>> byName = new HashMap<>();

    private TraceClassLookup() {
        byName.put(TraceLine.class.getSimpleName(), TraceLine.class);
        for (Class<?> c : MessageCatalogue.WIRE_TYPES) {
            byName.put(c.getSimpleName(), c);
        }
    }

    @Override
    public Class<?> forName(CharSequence name) throws ClassNotFoundRuntimeException {
        Class<?> c = byName.get(name.toString());
        if (c == null) {
            throw new ClassNotFoundRuntimeException(new ClassNotFoundException("type tag '" + name + "' is not a trace type"));
        }
        return c;
    }

    @Override
    public String nameFor(Class<?> clazz) {
        return clazz.getSimpleName();
    }

    @Override
    public void addAlias(Class<?>... classes) {
        throw new UnsupportedOperationException("the trace type list is fixed");
    }

    @Override
    public void addAlias(Class<?> clazz, String names) {
        throw new UnsupportedOperationException("the trace type list is fixed");
    }
}
