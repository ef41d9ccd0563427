package cluster.messages;

/** Master → worker: acknowledges one {@link ExecutorStateChanged}. */
public final class ExecutorStateChangedAck extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String appId;
    public int execId;
    public ExecutorState state;

    public ExecutorStateChangedAck() {
    }

    public ExecutorStateChangedAck(long epoch, String appId, int execId, ExecutorState state) {
        this.epoch = epoch;
        this.appId = appId;
        this.execId = execId;
        this.state = state;
    }
}
