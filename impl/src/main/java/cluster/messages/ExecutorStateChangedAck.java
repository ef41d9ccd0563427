package cluster.messages;

/** Master → worker: acknowledges one {@link ExecutorStateChanged} (the worker stops resending it). */
public final class ExecutorStateChangedAck extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    /** The reporting worker incarnation; another incarnation ignores the acknowledgement. */
    public long incarnation;
    public String appId;
    public int execId;
    public ExecutorState state;

    public ExecutorStateChangedAck() {
    }

    public ExecutorStateChangedAck(long epoch, long incarnation, String appId, int execId, ExecutorState state) {
        this.epoch = epoch;
        this.incarnation = incarnation;
        this.appId = appId;
        this.execId = execId;
        this.state = state;
    }
}
