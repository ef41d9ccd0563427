package cluster.messages;

/** Executor → driver: the executor process is up and offers its cores. */
public final class RegisterExecutor extends CatalogueMarshallable implements Message {
    public String appId;
    public int execId;
    public String hostname;
    public int cores;
    public String executorUrl;

    public RegisterExecutor() {
    }

    public RegisterExecutor(String appId, int execId, String hostname, int cores, String executorUrl) {
        this.appId = appId;
        this.execId = execId;
        this.hostname = hostname;
        this.cores = cores;
        this.executorUrl = executorUrl;
    }
}
