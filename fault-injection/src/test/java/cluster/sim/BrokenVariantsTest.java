package cluster.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The campaigns can fail: each broken variant of the protocol is caught within 1,000 seeds of the default campaign
 * (3 masters, 3 workers, every nemesis, 500 steps), the violation names the spec property the variant breaks, and the
 * failing run replays from its seed to the same violation. Method: try seeds 1, 2, ... until a run fails with that property.
 */
class BrokenVariantsTest {
    private static final int SEED_BUDGET = 1_000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Variant.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void each_broken_variant_is_caught_within_1000_seeds_naming_its_property_and_replays(Variant variant) {
        SimOptions options = SimOptions.defaults(0).withVariant(variant);
        RunResult caught = Seeds.firstViolating(options, variant.property, SEED_BUDGET);
        assertNotNull(caught, variant.cliName + " was not caught within " + SEED_BUDGET + " seeds");
        assertEquals(variant.property, caught.violation().property());
        assertEquals(Violation.Kind.SAFETY, caught.violation().kind(), caught.violation().toString());
        System.out.println(variant.cliName + ": caught at seed " + caught.options().seed() + ": " + caught.violation());
        RunResult again = new Simulation(caught.options()).run();
        assertEquals(caught.violation(), again.violation());
        assertEquals(caught.steps(), again.steps());
    }
}
