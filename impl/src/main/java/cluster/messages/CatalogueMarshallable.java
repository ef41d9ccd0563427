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
 * <p>Binary wires use a compact, strict body instead ({@link BinaryFields}), because Chronicle's
 * reflective binary reader is lenient (a field it cannot parse silently becomes its default
 * value) and was seen to crash the JVM on forged length headers. The outer frame is still
 * Chronicle BINARY_LIGHT: a type tag, a length, then this body.
 */
public abstract class CatalogueMarshallable extends SelfDescribingMarshallable {

    /** False makes binary wires call the byte-level methods below; text wires ignore it. */
    @Override
    public boolean usesSelfDescribingMessage() {
        return false;
    }

    @Override
    public void writeMarshallable(BytesOut<?> out) {
        BinaryLayout.write(this, out);
    }

    @Override
    public void readMarshallable(BytesIn<?> in) {
        BinaryLayout.read(this, in);
    }
}
