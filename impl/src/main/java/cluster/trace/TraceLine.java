package cluster.trace;

import cluster.messages.Envelope;
import cluster.messages.MessageCatalogue;
import net.openhft.chronicle.core.pool.ClassAliasPool;
import net.openhft.chronicle.wire.SelfDescribingMarshallable;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The on-disk form of one {@link TraceEntry}: what Chronicle Wire writes as one JSON object per line
 * ({@code {"@TraceLine":{...}}}). Messages travel as the catalogue's {@link Envelope}s (sender, receiver,
 * message id, the message with its type tag), so a trace file uses the wire's own message schema.
 * Public fields because Chronicle's reflective text form reads and writes them directly.
 */
public final class TraceLine extends SelfDescribingMarshallable {
    public String node;
    public long seq;
    public Map<String, Long> vectorClock = new LinkedHashMap<>();
    public String action;
    /** The consumed message, or null. */
    public Envelope received;
    public List<Envelope> sent = new ArrayList<>();
    /** Spec variable name → new value: strings, longs, booleans, lists and maps of these. */
    public Map<String, Object> changed = new LinkedHashMap<>();

    /** Registers the short type tags ({@code @TraceLine}, {@code @Envelope}, the messages); idempotent. */
    static void registerAliases() {
        MessageCatalogue.registerAliases();
        ClassAliasPool.CLASS_ALIASES.addAlias(TraceLine.class);
    }

    static TraceLine of(TraceEntry e) {
        TraceLine line = new TraceLine();
        line.node = e.node();
        line.seq = e.seq();
        line.vectorClock = new LinkedHashMap<>(e.vectorClock());
        line.action = e.action();
        line.received = e.received() == null ? null : envelope(e.received());
        for (TraceEntry.MessageRef m : e.sent()) {
            line.sent.add(envelope(m));
        }
        e.changed().forEach((name, value) -> line.changed.put(name, plain(value)));
        return line;
    }

    /**
     * Maps and lists as LinkedHashMap and ArrayList: Chronicle's JSON writer tags other map classes
     * (a TreeMap comes out as {@code {"@!omap":{...}}} and one closing brace short).
     */
    private static Object plain(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(String.valueOf(k), plain(v)));
            return copy;
        }
        if (value instanceof java.util.Collection<?> c) {
            List<Object> copy = new ArrayList<>();
            c.forEach(v -> copy.add(plain(v)));
            return copy;
        }
        return value;
    }

    private static Envelope envelope(TraceEntry.MessageRef m) {
        return Envelope.of(m.from(), m.to(), m.msgId(), m.message());
    }
}
