package cluster.messages;

/** App client → master: reply to {@link MasterChanged}. */
public final class MasterChangeAcknowledged extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String appId;

    public MasterChangeAcknowledged() {
    }

    public MasterChangeAcknowledged(long epoch, String appId) {
        this.epoch = epoch;
        this.appId = appId;
    }
}
