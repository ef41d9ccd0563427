package cluster.messages;

/** One executor as a worker reports it (registration and recovery). */
public final class ExecutorDescription extends CatalogueMarshallable {
    public String appId;
    public int execId;
    public int cores;
    public int memoryMb;
    public ExecutorState state;

    public ExecutorDescription() {
    }

    public ExecutorDescription(String appId, int execId, int cores, int memoryMb, ExecutorState state) {
        this.appId = appId;
        this.execId = execId;
        this.cores = cores;
        this.memoryMb = memoryMb;
        this.state = state;
    }
}
