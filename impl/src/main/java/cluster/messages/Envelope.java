package cluster.messages;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The unit that travels between nodes: one message plus what the trace checker needs to
 * pin every receive to its send (sender, receiver, a per-sender message id and the
 * sender's vector clock at the send).
 */
public final class Envelope extends CatalogueMarshallable {
    /** Sending node id, e.g. {@code master-1} or a worker id. */
    public String src;
    /** Receiving node id. */
    public String dest;
    /** Unique per sender (a counter), so a receive event names exactly one send event. */
    public long msgId;
    /** The sender's vector clock after the send: node id → count of that node's events. */
    public Map<String, Long> vectorClock = new LinkedHashMap<>();
    public Message body;

    public Envelope() {
    }

    public Envelope(String src, String dest, long msgId, Map<String, Long> vectorClock, Message body) {
        this.src = src;
        this.dest = dest;
        this.msgId = msgId;
        this.vectorClock = new LinkedHashMap<>(vectorClock);
        this.body = body;
    }

    /** An envelope with an empty vector clock, for tests and tools that do not trace. */
    public static Envelope of(String src, String dest, long msgId, Message body) {
        return new Envelope(src, dest, msgId, Map.of(), body);
    }

    // Every frame carries one: hand-written, byte-for-byte the generic BinaryLayout (BinaryLayoutProperties checks).

    @Override
    public void writeMarshallable(BytesOut<?> out) {
        BinaryFields.writeString(out, src);
        BinaryFields.writeString(out, dest);
        BinaryFields.writeLong(out, msgId);
        BinaryFields.writeClock(out, vectorClock);
        BinaryFields.writeMessage(out, body);
    }

    /** The envelope is the outermost body of a frame: bytes left after it mean a forged or garbled frame. */
    @Override
    public void readMarshallable(BytesIn<?> in) {
        src = BinaryFields.readString(in);
        dest = BinaryFields.readString(in);
        msgId = BinaryFields.readLong(in);
        vectorClock = BinaryFields.readClock(in);
        body = BinaryFields.readMessage(in);
        if (in.readRemaining() != 0) {
            throw new InvalidMessageException(in.readRemaining() + " unread bytes after the envelope");
        }
    }
}
