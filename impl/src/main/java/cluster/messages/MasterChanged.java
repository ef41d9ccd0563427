package cluster.messages;

/** New leader → every recovered worker and app: talk to me from now on. */
public final class MasterChanged extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String masterId;
    public String masterUrl;
    /** To a worker: the persisted incarnation (another incarnation ignores it); to a driver: 0. */
    public long incarnation;

    public MasterChanged() {
    }

    public MasterChanged(long epoch, String masterId, String masterUrl, long incarnation) {
        this.epoch = epoch;
        this.masterId = masterId;
        this.masterUrl = masterUrl;
        this.incarnation = incarnation;
    }
}
