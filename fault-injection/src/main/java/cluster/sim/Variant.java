package cluster.sim;

/**
 * Test-only broken variants of the protocol, each the implementation twin of a mutant in spec/mutations: the
 * cores stay as built and a {@link ProtocolMutation} rewrites what they are told (or, where the counter lives
 * only inside a core, what they did). A campaign must catch each one and name {@link #property}.
 */
public enum Variant {
    NONE("none", "the protocol as built", null),
    NO_EPOCH_FENCING("no-epoch-fencing",
            "workers act on LaunchExecutor/KillExecutor of any epoch (Spark has no fencing)", "FencingRespected"),
    SCHEDULER_IGNORES_MEMORY("scheduler-ignores-memory",
            "masters schedule as if every worker had 16 times its memory", "BooksWithinWorkerCapacity"),
    NON_IDEMPOTENT_REPORTS("non-idempotent-reports",
            "a duplicated abnormal-exit report is counted again (Spark's non-idempotent reports)",
            "RetriesCountRealFailures"),
    RECOVERY_FORGETS_EXECUTOR_IDS("recovery-forgets-executor-ids",
            "a new leader restarts every app's executor ids at 0 (Spark's id reuse)", "ExecutorIdsAhead"),
    WORKER_LAUNCHES_UNCHECKED("worker-launches-unchecked",
            "workers launch executors without checking their free cores and memory, and masters schedule ignoring "
                    + "memory (the spec's mutant pairs them)", "WorkerCapacityRespected");

    public final String cliName;
    public final String description;
    /** The spec property a campaign must report as violated; null for the protocol as built. */
    public final String property;

    Variant(String cliName, String description, String property) {
        this.cliName = cliName;
        this.description = description;
        this.property = property;
    }

    public static Variant byCliName(String name) {
        for (Variant v : values()) {
            if (v.cliName.equals(name)) {
                return v;
            }
        }
        throw new IllegalArgumentException("unknown variant '" + name + "' (see --list-variants)");
    }

    /** A fresh mutation of this variant (one per process: some keep what they saw). */
    public ProtocolMutation mutation() {
        return switch (this) {
            case NONE -> ProtocolMutation.NONE;
            case NO_EPOCH_FENCING -> new NoEpochFencing();
            case SCHEDULER_IGNORES_MEMORY -> new SchedulerIgnoresMemory();
            case NON_IDEMPOTENT_REPORTS -> new NonIdempotentReports();
            case RECOVERY_FORGETS_EXECUTOR_IDS -> new RecoveryForgetsExecutorIds();
            case WORKER_LAUNCHES_UNCHECKED -> new WorkerLaunchesUnchecked();
        };
    }
}
