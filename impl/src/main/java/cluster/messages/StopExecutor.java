package cluster.messages;

/** Driver → executor: stop (the driver dropped this executor). */
public final class StopExecutor extends CatalogueMarshallable implements Message {
    public String appId;
    public int execId;

    public StopExecutor() {
    }

    public StopExecutor(String appId, int execId) {
        this.appId = appId;
        this.execId = execId;
    }
}
