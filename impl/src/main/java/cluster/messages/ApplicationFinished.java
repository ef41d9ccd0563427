package cluster.messages;

/** Master → every worker: an app was removed; clean up after it. */
public final class ApplicationFinished extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String appId;

    public ApplicationFinished() {
    }

    public ApplicationFinished(long epoch, String appId) {
        this.epoch = epoch;
        this.appId = appId;
    }
}
