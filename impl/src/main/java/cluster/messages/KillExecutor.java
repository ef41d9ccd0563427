package cluster.messages;

/** Master → worker: kill an executor. */
public final class KillExecutor extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String workerId;
    /** The worker incarnation the command is for; another incarnation ignores it. */
    public long incarnation;
    public String appId;
    public int execId;

    public KillExecutor() {
    }

    public KillExecutor(long epoch, String workerId, long incarnation, String appId, int execId) {
        this.epoch = epoch;
        this.workerId = workerId;
        this.incarnation = incarnation;
        this.appId = appId;
        this.execId = execId;
    }
}
