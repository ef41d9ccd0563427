package cluster.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionNamesTest {
    private static final List<String> MODULE = List.of(
            "Inc(p) == x' = x + 1",
            "Next ==",
            "    \\/ \\E p \\in Procs, q \\in Procs : Pass(p, q)",
            "    \\/ \\E p \\in Procs : \\E k \\in keys[p] :",
            "           Drop(p, k)");
    private final ActionNames names = new ActionNames(module -> module.equals("Toy") ? MODULE : null);

    private static TraceStep step(String action, String location) {
        return new TraceStep(2, action, location, Map.of());
    }

    @Test
    void aGroupDisjunctIsNamedByTheOperatorItsQuantifiersApplyTo() {
        assertEquals("Pass", names.of(step("Next", "line 3, col 8 to line 3, col 47 of module Toy")));
        assertEquals("Drop", names.of(step("Next", "line 4, col 8 to line 5, col 21 of module Toy")));
    }

    @Test
    void tlcsNameStaysWhenTheSourceSaysNothingBetter() {
        assertEquals("Inc", names.of(step("Inc", "line 1, col 12 to line 1, col 20 of module Toy")), "a definition's body");
        assertEquals("Next", names.of(step("Next", "line 30, col 1 to line 31, col 2 of module Toy")), "outside the module");
        assertEquals("Next", names.of(step("Next", "line 3, col 8 to line 3, col 47 of module Other")), "no source");
        assertEquals("Initial predicate", names.of(step("Initial predicate", "")));
        assertEquals("Next", ActionNames.asTlcNamesThem().of(step("Next", "line 3, col 8 to line 3, col 47 of module Toy")));
    }
}
