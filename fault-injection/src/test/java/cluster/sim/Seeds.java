package cluster.sim;

/** Test helper: searches seeds in order for a run that fails a given way. */
final class Seeds {
    private Seeds() {
    }

    /** The first run from seed 1 up to {@code budget} whose violation names {@code property}, or null. */
    static RunResult firstViolating(SimOptions base, String property, int budget) {
        for (long seed = 1; seed <= budget; seed++) {
            RunResult r = new Simulation(base.withSeed(seed)).run();
            if (r.failed() && r.violation().property().equals(property)) {
                return r;
            }
        }
        return null;
    }
}
