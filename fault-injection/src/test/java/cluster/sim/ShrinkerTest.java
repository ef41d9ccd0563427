package cluster.sim;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A failing run shrinks to a shorter prefix that still fails the same way, and that prefix replays. */
class ShrinkerTest {

    @Test
    void the_shortest_failing_prefix_fails_the_same_way_and_replays() {
        Variant variant = Variant.NO_EPOCH_FENCING;
        RunResult failing = Seeds.firstViolating(SimOptions.defaults(0).withVariant(variant), variant.property, 1_000);
        assertNotNull(failing);
        RunResult shortest = Shrinker.shortestPrefix(failing);
        assertEquals(variant.property, shortest.violation().property());
        assertTrue(shortest.options().steps() <= failing.violation().step(), "no longer than the violation's step");
        RunResult replayed = new Simulation(shortest.options()).run();
        assertEquals(shortest.violation(), replayed.violation());
        assertTrue(shortest.options().replayCommand().contains("--steps " + shortest.options().steps()));
        assertTrue(shortest.options().replayCommand().contains("--variant no-epoch-fencing"));
    }
}
