package cluster.messages;

/** Master → worker: kill an executor. */
public final class KillExecutor extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String workerId;
    public String appId;
    public int execId;

    public KillExecutor() {
    }

    public KillExecutor(long epoch, String workerId, String appId, int execId) {
        this.epoch = epoch;
        this.workerId = workerId;
        this.appId = appId;
        this.execId = execId;
    }
}
