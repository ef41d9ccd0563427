package cluster.messages.codec;

import cluster.messages.Envelope;
import cluster.messages.MessageCatalogue;
import net.openhft.chronicle.core.pool.ClassLookup;
import net.openhft.chronicle.core.util.ClassNotFoundRuntimeException;

import java.util.HashMap;
import java.util.Map;

/**
 * Resolves type tags read from the wire to catalogue classes only. Chronicle's default
 * lookup would load and instantiate any class a peer names; this one refuses everything
 * outside {@link MessageCatalogue#WIRE_TYPES}, so a hostile or confused peer cannot make
 * the decoder build arbitrary objects.
 */
final class CatalogueClassLookup implements ClassLookup {

    static final CatalogueClassLookup INSTANCE = new CatalogueClassLookup();

    private static final String ENVELOPE = Envelope.class.getSimpleName();

    private final Map<String, Class<?>> byName = new HashMap<>();

    private CatalogueClassLookup() {
        for (Class<?> c : MessageCatalogue.WIRE_TYPES) {
            byName.put(c.getSimpleName(), c);
            byName.put(c.getName(), c);
        }
    }

    @Override
    public Class<?> forName(CharSequence name) throws ClassNotFoundRuntimeException {
        if (ENVELOPE.contentEquals(name)) {
            return Envelope.class; // every binary frame asks for this one: skip the toString and the map
        }
        Class<?> c = byName.get(name.toString());
        if (c == null) {
            throw new ClassNotFoundRuntimeException(
                    new ClassNotFoundException("type tag '" + name + "' is not in the message catalogue"));
        }
        return c;
    }

    @Override
    public String nameFor(Class<?> type) throws IllegalArgumentException {
        if (byName.get(type.getSimpleName()) != type) {
            throw new IllegalArgumentException(type.getName() + " is not in the message catalogue");
        }
        return type.getSimpleName();
    }

    @Override
    public void addAlias(Class<?>... classes) {
        throw new UnsupportedOperationException("the catalogue is fixed; add the class to cluster.messages.Message");
    }

    @Override
    public void addAlias(Class<?> type, String names) {
        throw new UnsupportedOperationException("the catalogue is fixed; add the class to cluster.messages.Message");
    }
}
