package cluster.sim;

import cluster.trace.TraceEntry;
import cluster.trace.TraceSink;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns traced core steps into {@link TraceEntry}s for a {@link TraceSink}: per node a sequence number with no gap
 * (across restarts of the node's process), a vector clock of traced events (merged on every receive, own entry
 * ticked on every traced step, carried by every message sent after), the message consumed and the messages sent.
 * Only built when tracing is on, so an untraced run pays nothing.
 */
final class TraceRecorder {
    private final TraceSink sink;
    long entries;

    TraceRecorder(TraceSink sink) {
        this.sink = sink;
    }

    /** A receive: the node's later events happen after the send. */
    void received(SimNode node, InFlight message) {
        Map<String, Long> clock = clock(node);
        if (message != null && message.vectorClock() != null) {
            message.vectorClock().forEach((n, c) -> clock.merge(n, c, Math::max));
        }
    }

    /** A local notice from {@code from} (an executor to its worker): the node's later events happen after from's. */
    void heardFrom(SimNode node, SimNode from) {
        Map<String, Long> clock = clock(node);
        clock(from).forEach((n, c) -> clock.merge(n, c, Math::max));
    }

    /** The step is a traced event: its node's own clock entry ticks (before the step's sends leave). */
    void tick(SimNode node) {
        node.traceSeq++;
        clock(node).put(node.id, node.traceSeq);
    }

    /** What a message sent now carries (sorted, so a replay carries it in the same order). */
    Map<String, Long> clockOf(SimNode node) {
        return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(clock(node)));
    }

    void step(SimNode node, String action, InFlight received, List<InFlight> sent, Map<String, Object> changed) {
        List<TraceEntry.MessageRef> sentRefs = new ArrayList<>(sent.size());
        for (InFlight m : sent) {
            sentRefs.add(ref(m));
        }
        sink.append(new TraceEntry(node.id, node.traceSeq, clock(node), action, received == null ? null : ref(received),
                sentRefs, plain(changed)));
        entries++;
    }

    void close() {
        sink.close();
    }

    /**
     * The cores' spec views hold sorted maps; Chronicle's JSON writes a sorted map as a typed object ({@code @!omap})
     * and leaves a brace out, so the values go to the sink as plain insertion-ordered maps and lists.
     */
    @SuppressWarnings("unchecked")
    static <T> T plain(T value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(k, plain(v)));
            return (T) copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(plain(v)));
            return (T) copy;
        }
        return value;
    }

    private static TraceEntry.MessageRef ref(InFlight m) {
        return new TraceEntry.MessageRef(m.from(), m.to(), m.msgId(), m.message());
    }

    private static Map<String, Long> clock(SimNode node) {
        if (node.clock == null) {
            node.clock = new HashMap<>();
        }
        return node.clock;
    }
}
