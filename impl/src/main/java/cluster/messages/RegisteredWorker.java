package cluster.messages;

/** Master → worker: the registration was accepted. */
public final class RegisteredWorker extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String masterId;
    public String masterUrl;
    /** The registered worker incarnation; another incarnation of the worker ignores the reply. */
    public long incarnation;

    public RegisteredWorker() {
    }

    public RegisteredWorker(long epoch, String masterId, String masterUrl, long incarnation) {
        this.epoch = epoch;
        this.masterId = masterId;
        this.masterUrl = masterUrl;
        this.incarnation = incarnation;
    }
}
