package cluster.messages;

/** Driver → executor: the registration was accepted. */
public final class RegisteredExecutor extends CatalogueMarshallable implements Message {
    public String appId;
    public int execId;

    public RegisteredExecutor() {
    }

    public RegisteredExecutor(String appId, int execId) {
        this.appId = appId;
        this.execId = execId;
    }
}
