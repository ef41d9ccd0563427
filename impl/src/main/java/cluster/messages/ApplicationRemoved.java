package cluster.messages;

/** Master → app client: the app was removed by the master (the driver stops). */
public final class ApplicationRemoved extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String appId;
    public ApplicationState state;
    public String message;

    public ApplicationRemoved() {
    }

    public ApplicationRemoved(long epoch, String appId, ApplicationState state, String message) {
        this.epoch = epoch;
        this.appId = appId;
        this.state = state;
        this.message = message;
    }
}
