package cluster.harness;

import cluster.core.Effect;
import cluster.messages.Message;
import cluster.trace.JsonLinesTraceSink;
import cluster.trace.TraceEntry;
import cluster.trace.TraceSink;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a real runtime does for tracing, for the in-memory cluster: per node a sequence number, a vector
 * clock (merged from every message received, stamped on every message sent) and a message id counter, and
 * one {@link TraceEntry} per step that produced a trace event, written through a {@link JsonLinesTraceSink}.
 */
final class ClusterTraceRecorder implements AutoCloseable {
    /** A message id and the sender's vector clock at the send. */
    record Stamp(long msgId, Map<String, Long> vectorClock) {
    }

    private final Path dir;
    private final Map<String, TraceSink> sinks = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> clocks = new HashMap<>();
    private final Map<String, Long> nextMsgId = new HashMap<>();
    /**
     * What the coordination service has seen: the clocks of the steps that wrote records and of leaders whose
     * session ended with their process. A new leader reads the records under its grant, so its election
     * happens after all of that (a real runtime stores the clock beside the records).
     */
    private final Map<String, Long> coordinationClock = new HashMap<>();

    ClusterTraceRecorder(Path dir) {
        this.dir = dir;
    }

    /** On receive: the receiver's clock becomes the entrywise maximum of both. */
    void received(String node, Map<String, Long> senderClock) {
        Map<String, Long> clock = clock(node);
        senderClock.forEach((n, c) -> clock.merge(n, c, Math::max));
    }

    /**
     * A process starts another ({@code parent} launches {@code child}) or learns that it ended: the starter's
     * (or the ended process's) history happens before what the other does next. A real runtime passes the
     * clock along with the launch command, and reads it from the process's last trace line after its exit.
     */
    void inherit(String node, String from) {
        received(node, Map.copyOf(clock(from)));
    }

    /** The node's step wrote to the coordination service, or the node died holding a session there. */
    void toCoordination(String node) {
        clock(node).forEach((n, c) -> coordinationClock.merge(n, c, Math::max));
    }

    /** The node was granted leadership and read the records. */
    void fromCoordination(String node) {
        received(node, Map.copyOf(coordinationClock));
    }

    /** A traced step begins: the node's own entry (its sequence number) goes up by one. */
    void stepTraced(String node) {
        clock(node).merge(node, 1L, Long::sum);
    }

    /** A message leaves {@code node}: the next id of this sender and its clock now. */
    Stamp send(String node) {
        long id = nextMsgId.merge(node, 1L, Long::sum);
        return new Stamp(id, Map.copyOf(clock(node)));
    }

    /** Writes the entry of the step just traced by {@link #stepTraced}. */
    void write(String node, Effect.TraceEvent event, TraceEntry.MessageRef received, List<TraceEntry.MessageRef> sent) {
        Map<String, Long> clock = clock(node);
        TraceEntry entry = new TraceEntry(node, clock.get(node), clock, event.action(), received, sent, event.changed());
        sinks.computeIfAbsent(node, n -> new JsonLinesTraceSink(dir, n)).append(entry);
    }

    static TraceEntry.MessageRef ref(String from, String to, Stamp stamp, Message message) {
        return new TraceEntry.MessageRef(from, to, stamp.msgId(), message);
    }

    private Map<String, Long> clock(String node) {
        return clocks.computeIfAbsent(node, n -> new HashMap<>());
    }

    @Override
    public void close() {
        sinks.values().forEach(TraceSink::close);
    }
}
