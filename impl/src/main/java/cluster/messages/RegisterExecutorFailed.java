package cluster.messages;

/** Driver → executor: the registration was refused (e.g. duplicate id); the executor exits. */
public final class RegisterExecutorFailed extends CatalogueMarshallable implements Message {
    public String appId;
    public int execId;
    public String reason;

    public RegisterExecutorFailed() {
    }

    public RegisterExecutorFailed(String appId, int execId, String reason) {
        this.appId = appId;
        this.execId = execId;
        this.reason = reason;
    }
}
