package cluster.messages;

/** One executor in a {@link MasterStateResponse}. */
public final class ExecutorSummary extends CatalogueMarshallable {
    public String appId;
    public int execId;
    public String workerId;
    public int cores;
    public int memoryMb;
    public ExecutorState state;

    public ExecutorSummary() {
    }

    public ExecutorSummary(String appId, int execId, String workerId, int cores, int memoryMb, ExecutorState state) {
        this.appId = appId;
        this.execId = execId;
        this.workerId = workerId;
        this.cores = cores;
        this.memoryMb = memoryMb;
        this.state = state;
    }
}
