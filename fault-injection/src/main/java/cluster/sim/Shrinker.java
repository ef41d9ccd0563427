package cluster.sim;

/**
 * The shortest prefix of a failing run that still fails the same way: the run is replayed with a shorter faulty
 * phase (the same seed draws the same first steps, and the faults heal earlier), bisecting over the number of
 * steps. A safety violation at step k fails with k steps; a shorter prefix may fail too, in its quiet phase.
 */
public final class Shrinker {
    private Shrinker() {
    }

    /** Options of the shortest failing prefix found (at most about log2(steps) replays), and its result. */
    public static RunResult shortestPrefix(RunResult failing) {
        Violation target = failing.violation();
        if (target == null) {
            throw new IllegalArgumentException("the run did not fail");
        }
        SimOptions options = failing.options();
        int high = (int) Math.min(options.steps(), Math.max(1, target.step()));
        RunResult best = failing;
        RunResult atHigh = new Simulation(options.withSteps(high)).run();
        if (sameFailure(atHigh, target)) {
            best = atHigh;
        } else {
            high = options.steps();
        }
        int low = 1;
        while (low < high) {
            int mid = low + (high - low) / 2;
            RunResult attempt = new Simulation(options.withSteps(mid)).run();
            if (sameFailure(attempt, target)) {
                high = mid;
                best = attempt;
            } else {
                low = mid + 1;
            }
        }
        return best;
    }

    private static boolean sameFailure(RunResult r, Violation target) {
        return r.failed() && r.violation().property().equals(target.property());
    }
}
