package cluster.harness;

import cluster.sim.Variant;

/**
 * Which broken variants a process campaign can show, and why the others cannot. A variant runs inside the real
 * node processes ({@link VariantNode}); it shows only where a process campaign can observe the property it breaks.
 */
public final class ProcessVariants {

    /**
     * Worker memory in campaigns of a variant: less than two of the workload's smallest executors (256 MB), so memory
     * binds before the two cores do and a scheduler that ignores memory places more than a machine holds.
     */
    static final int WORKER_MEMORY_MB = 448;

    private ProcessVariants() {
    }

    /** Why {@code variant} cannot show in a process campaign, or null when it can. */
    public static String refusal(Variant variant) {
        return switch (variant) {
            case NO_EPOCH_FENCING -> "it breaks FencingRespected, which is judged against each worker's fencing floor "
                    + "(wEpoch); the floor lives inside the worker process and a process campaign sees only messages, "
                    + "books and processes (the simulator checks it: --mode sim --variant no-epoch-fencing)";
            case NON_IDEMPOTENT_REPORTS -> "it breaks RetriesCountRealFailures, which needs the leader's retry "
                    + "count of each app; a master's status does not show it, and a process campaign fails no "
                    + "executor alone (it kills whole workers), so abnormal exits are rare (the simulator checks it: "
                    + "--mode sim --variant non-idempotent-reports)";
            default -> null;
        };
    }
}
