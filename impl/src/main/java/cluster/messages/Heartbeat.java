package cluster.messages;

/** Worker → master: liveness, every worker timeout / 4. */
public final class Heartbeat extends CatalogueMarshallable implements Message {
    public String workerId;
    /** The beating worker process; a master that does not hold this incarnation answers ReconnectWorker. */
    public long incarnation;

    public Heartbeat() {
    }

    /** A heartbeat without an incarnation (0), for tools and tests that do not model incarnations. */
    public Heartbeat(String workerId) {
        this(workerId, 0);
    }

    public Heartbeat(String workerId, long incarnation) {
        this.workerId = workerId;
        this.incarnation = incarnation;
    }

    // Hot on the wire: hand-written, byte-for-byte the generic BinaryLayout (BinaryLayoutProperties checks).

    @Override
    protected void writeBody(BodyWriter out) {
        out.writeString(workerId);
        out.writeLong(incarnation);
    }

    @Override
    protected void readBody(BodyReader in) {
        workerId = in.readString();
        incarnation = in.readLong();
    }
}
