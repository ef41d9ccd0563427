package cluster.sim;

import java.util.Map;

/**
 * The outcome of one run.
 *
 * @param steps       every step taken, quiet phase included
 * @param faultySteps steps of the faulty phase
 * @param faults      faults injected, by kind label
 * @param launches    executor processes started
 * @param violation   the first property broken, or null
 */
public record RunResult(SimOptions options, long steps, long faultySteps, long simulatedMs, Map<String, Integer> faults,
                        long launches, Violation violation) {

    public boolean failed() {
        return violation != null;
    }
}
