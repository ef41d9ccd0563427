package cluster.messages;

/** Worker → master: liveness, every worker timeout / 4. */
public final class Heartbeat extends CatalogueMarshallable implements Message {
    public String workerId;

    public Heartbeat() {
    }

    public Heartbeat(String workerId) {
        this.workerId = workerId;
    }

    // Hot on the wire: hand-written, byte-for-byte the generic BinaryLayout (BinaryLayoutProperties checks).

    @Override
    protected void writeBody(BodyWriter out) {
        out.writeString(workerId);
    }

    @Override
    protected void readBody(BodyReader in) {
        workerId = in.readString();
    }
}
