package cluster.sim;

/** The faults the simulator injects, as counted in a campaign's summary; each belongs to one {@link Nemesis}. */
public enum FaultKind {
    PARTITION_HALVES(Nemesis.PARTITION, "partition-halves"),
    PARTITION_LEADER(Nemesis.PARTITION, "partition-leader"),
    PARTITION_BRIDGE(Nemesis.PARTITION, "partition-bridge"),
    PARTITION_ONE_WAY(Nemesis.PARTITION, "partition-one-way"),
    SESSION_LOSS(Nemesis.PARTITION, "session-loss"),
    DELAY(Nemesis.DELAY, "delay"),
    DROP(Nemesis.DROP, "drop"),
    DUPLICATE(Nemesis.DUPLICATE, "duplicate"),
    KILL_MASTER(Nemesis.KILL, "kill-master"),
    KILL_WORKER(Nemesis.KILL, "kill-worker"),
    PAUSE_MASTER(Nemesis.PAUSE, "pause-master"),
    PAUSE_WORKER(Nemesis.PAUSE, "pause-worker");

    public final Nemesis nemesis;
    public final String label;

    FaultKind(Nemesis nemesis, String label) {
        this.nemesis = nemesis;
        this.label = label;
    }
}
