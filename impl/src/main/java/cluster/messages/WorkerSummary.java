package cluster.messages;

/** One worker in a {@link MasterStateResponse}. */
public final class WorkerSummary extends CatalogueMarshallable {
    public String workerId;
    public String host;
    public int port;
    public int cores;
    public int coresUsed;
    public int memoryMb;
    public int memoryUsedMb;
    public WorkerState state;

    public WorkerSummary() {
    }

    public WorkerSummary(String workerId, String host, int port, int cores, int coresUsed, int memoryMb,
            int memoryUsedMb, WorkerState state) {
        this.workerId = workerId;
        this.host = host;
        this.port = port;
        this.cores = cores;
        this.coresUsed = coresUsed;
        this.memoryMb = memoryMb;
        this.memoryUsedMb = memoryUsedMb;
        this.state = state;
    }
}
