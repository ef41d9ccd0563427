package cluster.messages;

/** A worker as the master sees it, as in Spark's {@code WorkerState}. */
public enum WorkerState {
    ALIVE, DEAD, DECOMMISSIONED, UNKNOWN
}
