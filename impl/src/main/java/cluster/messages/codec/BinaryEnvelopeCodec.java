package cluster.messages.codec;

import cluster.messages.Envelope;
import cluster.messages.Heartbeat;
import cluster.messages.InvalidMessageException;
import cluster.messages.MessageCatalogue;
import cluster.messages.MessageValidator;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;

import java.util.Arrays;

/**
 * Chronicle Wire BINARY_LIGHT codec: one {@link Envelope} per frame, typed
 * ({@code getValueOut().object(env)} / {@code getValueIn().object()}), so a frame is
 * {@code !Envelope}, a 4-byte body length, then the strict compact body of
 * {@link cluster.messages.CatalogueMarshallable}. Framing on the socket (the length prefix)
 * is the transport's job, not this class's.
 *
 * <p>Decoding is defensive, because frames come from the network: the frame must start with
 * exactly the envelope header this codec writes and its body length must match, so Chronicle's
 * general (lenient) parser never sees untrusted bytes; the body reader is strict; the result
 * must be complete ({@link MessageValidator}).
 *
 * <p>Not thread-safe: it reuses one encode buffer per instance (a Chronicle Wire must not be
 * shared between threads). Keep one per thread, e.g. in a {@code ThreadLocal}.
 */
public final class BinaryEnvelopeCodec {

    private static final int LENGTH_FIELD_BYTES = 4;

    private final Wire encodeWire;
    private final Wire decodeWire;
    /** The bytes before the body length: the type tag {@code !Envelope} and the length marker. */
    private final byte[] envelopeHeader;

    public BinaryEnvelopeCodec() {
        MessageCatalogue.registerAliases();
        encodeWire = WireType.BINARY_LIGHT.apply(Bytes.allocateElasticOnHeap(256));
        decodeWire = WireType.BINARY_LIGHT.apply(Bytes.allocateElasticOnHeap(256));
        decodeWire.classLookup(CatalogueClassLookup.INSTANCE);
        envelopeHeader = learnEnvelopeHeader();
    }

    /**
     * Encodes a complete envelope.
     *
     * @throws InvalidMessageException if a required field is missing (a bug in the sender)
     */
    public byte[] encode(Envelope envelope) {
        MessageValidator.validate(envelope);
        encodeWire.clear();
        encodeWire.getValueOut().object(envelope);
        return encodeWire.bytes().toByteArray();
    }

    public Envelope decode(byte[] frame) {
        return decode(frame, 0, frame.length);
    }

    /**
     * Decodes exactly one envelope that fills {@code frame[offset, offset+length)}.
     *
     * @throws MessageCodecException for anything but one complete, valid envelope
     */
    public Envelope decode(byte[] frame, int offset, int length) {
        // Chronicle trusts the length headers inside a frame: before this check, a forged body length
        // let its parser read past the frame into a reused buffer's stale bytes, and past the buffer
        // into other memory (a JVM crash in Unsafe reads, seen in fuzzing). With the header and length
        // verified here, Chronicle only reads our own strict body, whose reads are all bounds-checked.
        requireEnvelopeHeader(frame, offset, length);
        decodeWire.clear();
        Bytes<?> bytes = decodeWire.bytes();
        bytes.write(frame, offset, length);
        Object decoded;
        try {
            decoded = decodeWire.getValueIn().object();
        } catch (RuntimeException | StackOverflowError e) {
            throw new MessageCodecException("undecodable binary frame (" + length + " bytes): " + e, e);
        }
        if (!(decoded instanceof Envelope envelope) || bytes.readRemaining() != 0) {
            throw new MessageCodecException("binary frame is not exactly one envelope (" + length + " bytes)");
        }
        try {
            MessageValidator.validate(envelope);
        } catch (InvalidMessageException e) {
            throw new MessageCodecException("incomplete envelope in binary frame: " + e.getMessage(), e);
        }
        return envelope;
    }

    private void requireEnvelopeHeader(byte[] frame, int offset, int length) {
        int headerEnd = envelopeHeader.length + LENGTH_FIELD_BYTES;
        if (length < headerEnd || !Arrays.equals(frame, offset, offset + envelopeHeader.length,
                envelopeHeader, 0, envelopeHeader.length)) {
            throw new MessageCodecException("binary frame (" + length + " bytes) does not start with an Envelope header");
        }
        int bodyLength = littleEndianInt(frame, offset + envelopeHeader.length);
        if (bodyLength != length - headerEnd) {
            throw new MessageCodecException("binary frame of " + length + " bytes declares an envelope body of "
                    + bodyLength + " bytes; expected " + (length - headerEnd));
        }
    }

    /**
     * Finds the header Chronicle writes before an envelope body by encoding a sample: it is
     * everything before the 4-byte little-endian field that holds the number of bytes after it.
     */
    private byte[] learnEnvelopeHeader() {
        byte[] sample = encode(Envelope.of("a", "b", 1, new Heartbeat("w")));
        for (int p = 0; p + LENGTH_FIELD_BYTES <= sample.length; p++) {
            if (littleEndianInt(sample, p) == sample.length - p - LENGTH_FIELD_BYTES) {
                return Arrays.copyOf(sample, p);
            }
        }
        throw new IllegalStateException("cannot find the envelope header in a Chronicle BINARY_LIGHT frame");
    }

    private static int littleEndianInt(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8 | (b[at + 2] & 0xff) << 16 | (b[at + 3] & 0xff) << 24;
    }
}
