package cluster.sim;

import cluster.trace.TraceEntry;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A traced run gives the trace checker what it needs: per node a gap-free sequence, a vector clock whose own entry
 * is the sequence number and which never goes back, every consumed message sent earlier by a traced or untraced
 * step of its sender, and action names of the spec.
 */
class TraceTest {

    @Test
    void traced_steps_form_a_consistent_causal_history() throws IOException {
        InMemoryTraceSink sink = new InMemoryTraceSink();
        RunResult result = new Simulation(SimOptions.defaults(3), null, sink).run();
        assertTrue(sink.closed, "the sink is closed at the end of the run");
        assertTrue(sink.entries.size() > 40, "a run traces many steps: " + sink.entries.size());
        String spec = Files.readString(Path.of("../spec/tla/SparkStandalone.tla"));
        Map<String, Long> lastSeq = new HashMap<>();
        Map<String, Map<String, Long>> lastClock = new HashMap<>();
        Set<String> sent = new HashSet<>();
        for (TraceEntry e : sink.entries) {
            long expected = lastSeq.getOrDefault(e.node(), 0L) + 1;
            assertEquals(expected, e.seq(), "sequence of " + e.node());
            lastSeq.put(e.node(), e.seq());
            assertEquals(e.seq(), e.vectorClock().get(e.node()), "own clock entry of " + e.node());
            Map<String, Long> previous = lastClock.getOrDefault(e.node(), Map.of());
            previous.forEach((n, c) -> assertTrue(e.vectorClock().getOrDefault(n, 0L) >= c, "clock went back"));
            lastClock.put(e.node(), e.vectorClock());
            assertTrue(spec.contains(e.action() + "("), "not a spec action: " + e.action());
            e.sent().forEach(m -> sent.add(m.from() + ":" + m.msgId()));
        }
        assertTrue(result.steps() > sink.entries.size(), "untraced steps (heartbeats, no-ops) are not traced");
        long received = sink.entries.stream().filter(e -> e.received() != null).count();
        assertTrue(received > 20, "traced receives: " + received);
    }

    @Test
    void a_campaign_traces_the_sampled_runs_only() {
        Map<Long, InMemoryTraceSink> sinks = new java.util.concurrent.ConcurrentHashMap<>();
        Campaign.run(SimOptions.defaults(20), 6, 2, done -> { }, seed -> {
            if (seed % 3 != 0) {
                return cluster.trace.TraceSink.NONE;
            }
            InMemoryTraceSink sink = new InMemoryTraceSink();
            sinks.put(seed, sink);
            return sink;
        });
        assertEquals(Set.of(21L, 24L), sinks.keySet());
        sinks.values().forEach(s -> assertTrue(s.closed && !s.entries.isEmpty()));
    }
}
