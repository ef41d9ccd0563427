package cluster.messages;

/** Master → app client: a worker was removed (its executors are lost). */
public final class WorkerRemoved extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String workerId;
    public String host;
    public String message;

    public WorkerRemoved() {
    }

    public WorkerRemoved(long epoch, String workerId, String host, String message) {
        this.epoch = epoch;
        this.workerId = workerId;
        this.host = host;
        this.message = message;
    }
}
