package cluster.spec;

import java.util.Map;

/**
 * One state of a TLC counterexample.
 *
 * @param number    TLC's state number, starting at 1
 * @param action    the action that led here as TLC names it ("Initial predicate" for the first state)
 * @param location  where TLC says the action is defined ("line 8, col 11 to ... of module X"), or "" if TLC gave none
 * @param variables every variable's value in TLC's printed form, in TLC's order (wrapped lines joined)
 */
public record TraceStep(int number, String action, String location, Map<String, String> variables) {
    public TraceStep {
        variables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(variables));
    }
}
