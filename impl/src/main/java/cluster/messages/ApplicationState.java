package cluster.messages;

/** Lifecycle of one application on the master, as in Spark's {@code ApplicationState}. */
public enum ApplicationState {
    WAITING, RUNNING, FINISHED, FAILED, KILLED, UNKNOWN;

    public boolean isFinished() {
        return this == FINISHED || this == FAILED || this == KILLED;
    }
}
