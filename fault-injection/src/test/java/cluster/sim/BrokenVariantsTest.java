package cluster.sim;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The campaigns can fail: each broken variant of the protocol is caught within 1,000 seeds of the default
 * campaign (3 masters, 3 workers, every nemesis, 500 steps), and the violation names the spec property the
 * variant breaks. Method: try seeds 1, 2, ... until a run fails with that property.
 */
class BrokenVariantsTest {
    private static final int SEED_BUDGET = 1_000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Variant.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void each_broken_variant_is_caught_within_1000_seeds_naming_its_property(Variant variant) {
        RunResult caught = Seeds.firstViolating(SimOptions.defaults(0).withVariant(variant), variant.property,
                SEED_BUDGET);
        assertNotNull(caught, variant.cliName + " was not caught within " + SEED_BUDGET + " seeds");
        assertEquals(variant.property, caught.violation().property());
        assertTrue(caught.violation().kind() == Violation.Kind.SAFETY, caught.violation().toString());
        System.out.println(variant.cliName + ": caught at seed " + caught.options().seed() + ": " + caught.violation());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Variant.class, names = "NONE", mode = EnumSource.Mode.EXCLUDE)
    void a_caught_variant_replays_from_its_seed_to_the_same_violation(Variant variant) {
        RunResult caught = Seeds.firstViolating(SimOptions.defaults(0).withVariant(variant), variant.property,
                SEED_BUDGET);
        assertNotNull(caught);
        RunResult again = new Simulation(caught.options()).run();
        assertEquals(caught.violation(), again.violation());
        assertEquals(caught.steps(), again.steps());
    }
}
