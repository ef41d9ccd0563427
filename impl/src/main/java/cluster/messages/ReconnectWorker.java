package cluster.messages;

/** Master → worker: a heartbeat came from a worker the master had marked dead; register again. */
public final class ReconnectWorker extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String masterId;

    public ReconnectWorker() {
    }

    public ReconnectWorker(long epoch, String masterId) {
        this.epoch = epoch;
        this.masterId = masterId;
    }
}
