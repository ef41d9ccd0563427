package cluster.messages;

/** Master → app client: the app is registered (and persisted). */
public final class RegisteredApplication extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String appId;
    public String masterId;

    public RegisteredApplication() {
    }

    public RegisteredApplication(long epoch, String appId, String masterId) {
        this.epoch = epoch;
        this.appId = appId;
        this.masterId = masterId;
    }
}
