package cluster.messages;

/**
 * Master → worker: the master no longer holds this worker incarnation (it timed it out, or a
 * heartbeat came from an incarnation it does not know): stop its executors and register again
 * as a new incarnation.
 */
public final class ReconnectWorker extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String masterId;
    /** The incarnation told to start over; another incarnation ignores the command. */
    public long incarnation;

    public ReconnectWorker() {
    }

    public ReconnectWorker(long epoch, String masterId, long incarnation) {
        this.epoch = epoch;
        this.masterId = masterId;
        this.incarnation = incarnation;
    }
}
