package cluster.messages;

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
    protected void writeBody(BodyWriter out) {
        out.writeString(src);
        out.writeString(dest);
        out.writeLong(msgId);
        out.writeClock(vectorClock);
        out.writeMessage(body);
    }

    @Override
    protected void readBody(BodyReader in) {
        src = in.readString();
        dest = in.readString();
        msgId = in.readLong();
        vectorClock = in.readClock();
        body = in.readMessage();
    }
}
