package cluster.sim;

import cluster.trace.TraceEntry;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Every run is exactly replayable from its seed: the same seed gives the same steps, faults, trace and outcome. */
class DeterminismTest {

    @Test
    void the_same_seed_replays_the_same_run_step_by_step() {
        for (long seed = 1; seed <= 20; seed++) {
            SimOptions options = SimOptions.defaults(seed);
            RunResult first = new Simulation(options).run();
            RunResult second = new Simulation(options).run();
            assertEquals(first, second, "seed " + seed);
        }
    }

    @Test
    void the_same_seed_gives_the_same_trace() {
        SimOptions options = SimOptions.defaults(7);
        List<String> first = actions(options);
        List<String> second = actions(options);
        assertEquals(first, second);
    }

    @Test
    void different_seeds_give_different_runs() {
        RunResult a = new Simulation(SimOptions.defaults(1)).run();
        RunResult b = new Simulation(SimOptions.defaults(2)).run();
        assertNotEquals(a.steps() + " " + a.faults(), b.steps() + " " + b.faults());
    }

    @Test
    void a_shorter_faulty_phase_replays_the_same_first_steps() {
        SimOptions options = SimOptions.defaults(11);
        List<String> full = firstSteps(options, 200);
        List<String> prefix = firstSteps(options.withSteps(200), 200);
        assertEquals(full, prefix);
        assertEquals(true, full.size() > 100, "too few steps logged: " + full.size());
    }

    /** The log lines of steps 1..n (the log names each step's number after '#'). */
    private static List<String> firstSteps(SimOptions options, int n) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        new Simulation(options).logTo(new java.io.PrintStream(bytes, true)).run();
        return bytes.toString().lines().filter(l -> l.contains(" #"))
                .filter(l -> Long.parseLong(l.substring(l.indexOf(" #") + 2, l.indexOf(' ', l.indexOf(" #") + 2))) <= n)
                .toList();
    }

    private static List<String> actions(SimOptions options) {
        InMemoryTraceSink sink = new InMemoryTraceSink();
        new Simulation(options, null, sink).run();
        return sink.entries.stream().map(DeterminismTest::describe).toList();
    }

    private static String describe(TraceEntry e) {
        return e.node() + "#" + e.seq() + " " + e.action() + " " + e.vectorClock() + " "
                + (e.received() == null ? "-" : e.received().from() + ":" + e.received().msgId()) + " " + e.changed();
    }
}
