package cluster.messages;

/** Master → worker: the registration was refused (e.g. another worker id at the same address). */
public final class RegisterWorkerFailed extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String reason;

    public RegisterWorkerFailed() {
    }

    public RegisterWorkerFailed(long epoch, String reason) {
        this.epoch = epoch;
        this.reason = reason;
    }
}
