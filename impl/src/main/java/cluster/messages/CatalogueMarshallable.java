package cluster.messages;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;
import net.openhft.chronicle.wire.SelfDescribingMarshallable;

/**
 * Base of every catalogue class (messages, their value types, the envelope).
 *
 * <p>Text wires (JSON_ONLY, YAML, {@link #toString()}) keep Chronicle's reflective,
 * self-describing form: readable field names, good for traces and debugging.
 *
 * <p>Binary wires use a compact, strict body instead ({@link BodyWriter}, {@link BodyReader}),
 * because Chronicle's reflective binary reader is lenient (a field it cannot parse silently
 * becomes its default value), was seen to crash the JVM on forged length headers, and was about
 * 2.5 times slower. The outer frame is still Chronicle BINARY_LIGHT: a type tag, a length, then
 * this body, handed to Chronicle in one copy.
 */
public abstract class CatalogueMarshallable extends SelfDescribingMarshallable {

    /** False makes binary wires call the byte-level methods below; text wires ignore it. */
    @Override
    public boolean usesSelfDescribingMessage() {
        return false;
    }

    @Override
    public final void writeMarshallable(BytesOut<?> out) {
        BodyWriter writer = BodyWriter.forThisThread();
        writeBody(writer);
        out.write(writer.buffer(), 0, writer.size());
    }

    /** Reads the whole remaining input (Chronicle limits it to this object's body); leftovers are an error. */
    @Override
    public final void readMarshallable(BytesIn<?> in) {
        byte[] body = new byte[(int) in.readRemaining()];
        in.read(body);
        BodyReader reader = new BodyReader(body);
        readBody(reader);
        reader.requireEnd(getClass().getSimpleName());
    }

    /** The body's fields; overridden by hand in hot messages, which must write exactly what {@link BinaryLayout} writes. */
    protected void writeBody(BodyWriter out) {
        BinaryLayout.write(this, out);
    }

    protected void readBody(BodyReader in) {
        BinaryLayout.read(this, in);
    }
}
