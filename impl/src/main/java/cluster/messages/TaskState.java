package cluster.messages;

/** State of one task on an executor, as in Spark's {@code TaskState}. */
public enum TaskState {
    LAUNCHING, RUNNING, FINISHED, FAILED, KILLED, LOST;

    public boolean isFinished() {
        return this == FINISHED || this == FAILED || this == KILLED || this == LOST;
    }
}
