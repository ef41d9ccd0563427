package cluster.messages;

/** App client → master: the application has stopped. */
public final class UnregisterApplication extends CatalogueMarshallable implements Message {
    public String appId;

    public UnregisterApplication() {
    }

    public UnregisterApplication(String appId) {
        this.appId = appId;
    }
}
