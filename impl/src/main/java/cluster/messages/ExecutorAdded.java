package cluster.messages;

/** Master → app client: an executor was granted (sent right after LaunchExecutor). */
public final class ExecutorAdded extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String appId;
    public int execId;
    public String workerId;
    public String hostPort;
    public int cores;
    public int memoryMb;

    public ExecutorAdded() {
    }

    public ExecutorAdded(long epoch, String appId, int execId, String workerId, String hostPort, int cores,
            int memoryMb) {
        this.epoch = epoch;
        this.appId = appId;
        this.execId = execId;
        this.workerId = workerId;
        this.hostPort = hostPort;
        this.cores = cores;
        this.memoryMb = memoryMb;
    }
}
