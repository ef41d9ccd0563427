package cluster.messages;

/** Lifecycle of one executor, as in Spark's {@code ExecutorState} (without DECOMMISSIONED, which is out of scope). */
public enum ExecutorState {
    LAUNCHING, RUNNING, KILLED, FAILED, LOST, EXITED;

    /** A finished executor holds no resources any more; the master frees its cores and memory. */
    public boolean isFinished() {
        return this == KILLED || this == FAILED || this == LOST || this == EXITED;
    }
}
