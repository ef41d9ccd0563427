package cluster.sim;

/**
 * A core that throws has found its own invariant broken (the cores check the spec's TypeOK and the worker's
 * capacity after every step); the violation is named after the property the core's check stands for.
 */
final class CoreCrashes {
    private CoreCrashes() {
    }

    static String property(RuntimeException e) {
        String message = String.valueOf(e.getMessage());
        if (message.startsWith("worker invariant broken: executors beyond")) {
            return "WorkerCapacityRespected";
        }
        if (message.startsWith("master invariant broken") || message.startsWith("illegal master transition")) {
            return "TypeOK";
        }
        return "CoreCrash";
    }
}
