package cluster.messages;

/** Master → app client: relays an executor state change. */
public final class ExecutorUpdated extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String appId;
    public int execId;
    public ExecutorState state;
    public @Nullable String message;
    public @Nullable Integer exitStatus;

    public ExecutorUpdated() {
    }

    public ExecutorUpdated(long epoch, String appId, int execId, ExecutorState state, String message,
            Integer exitStatus) {
        this.epoch = epoch;
        this.appId = appId;
        this.execId = execId;
        this.state = state;
        this.message = message;
        this.exitStatus = exitStatus;
    }
}
