package cluster.messages;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

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
    public void writeMarshallable(BytesOut<?> out) {
        BinaryFields.writeString(out, workerId);
    }

    @Override
    public void readMarshallable(BytesIn<?> in) {
        workerId = BinaryFields.readString(in);
    }
}
