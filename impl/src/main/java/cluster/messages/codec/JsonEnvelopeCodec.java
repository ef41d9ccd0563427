package cluster.messages.codec;

import cluster.messages.Envelope;
import cluster.messages.InvalidMessageException;
import cluster.messages.MessageCatalogue;
import cluster.messages.MessageValidator;
import cluster.messages.ModifiedUtf8;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;

import java.nio.charset.StandardCharsets;

/**
 * Chronicle Wire JSON_ONLY codec: one envelope per line, {@code {"@Envelope":{...}}}, for
 * trace files, debugging and the Maelstrom-style harness. JSON_ONLY (not JSON) because
 * only it writes the type tags needed to read a message back as its class. Lines are pure
 * ASCII (other chars as JSON {@code \\u} escapes), so any charset reads them.
 *
 * <p>Not thread-safe: it reuses one encode buffer; keep one instance per thread.
 */
public final class JsonEnvelopeCodec {

    private final Wire encodeWire;

    public JsonEnvelopeCodec() {
        MessageCatalogue.registerAliases();
        encodeWire = WireType.JSON_ONLY.apply(Bytes.allocateElasticOnHeap(256));
    }

    /**
     * Encodes a complete envelope as one line of JSON, without the line terminator.
     *
     * @throws InvalidMessageException if a required field is missing (a bug in the sender)
     */
    public String encode(Envelope envelope) {
        MessageValidator.validate(envelope);
        encodeWire.clear();
        encodeWire.getValueOut().object(envelope);
        // Chronicle writes text in modified UTF-8 (a surrogate pair as two 3-byte sequences), which
        // the JDK's UTF-8 decoder turns into U+FFFD; and raw non-ASCII in a line depends on every
        // reader and writer agreeing on the charset. So: decode as modified UTF-8, then escape.
        String json = asciiOnly(ModifiedUtf8.decode(encodeWire.bytes().toByteArray()).strip());
        if (json.indexOf('\n') >= 0 || json.indexOf('\r') >= 0) {
            // Never expected (JSON escapes control characters); checked because a line break would split the record.
            throw new IllegalStateException("JSON encoding spans several lines: " + json);
        }
        return json;
    }

    /**
     * Decodes one line holding exactly one envelope, strictly: the line must be valid JSON, and
     * must say exactly what the decoded envelope says (Chronicle's lenient reader is checked by
     * re-encoding its result and comparing the two JSON trees), and the envelope must be complete.
     *
     * @throws MessageCodecException for anything but one complete, valid envelope
     */
    public Envelope decode(CharSequence line) {
        String text = line.toString();
        Object given = StrictJson.parse(text);
        // A fresh buffer of exactly the line's size: no stale bytes behind it. Non-ASCII is escaped
        // first, so Chronicle's reader only sees ASCII (it mis-reads 4-byte UTF-8 sequences).
        Wire decodeWire = WireType.JSON_ONLY.apply(Bytes.wrapForRead(asciiOnly(text).getBytes(StandardCharsets.US_ASCII)));
        decodeWire.classLookup(CatalogueClassLookup.INSTANCE);
        Object decoded;
        try {
            decoded = decodeWire.getValueIn().object();
        } catch (RuntimeException | StackOverflowError e) {
            throw new MessageCodecException("undecodable JSON line: " + e + " in: " + abbreviate(text), e);
        }
        if (!(decoded instanceof Envelope envelope)) {
            throw new MessageCodecException("JSON line holds "
                    + (decoded == null ? "null" : decoded.getClass().getSimpleName()) + ", not an Envelope: "
                    + abbreviate(text));
        }
        try {
            MessageValidator.validate(envelope);
        } catch (InvalidMessageException e) {
            throw new MessageCodecException("incomplete envelope in JSON line: " + e.getMessage(), e);
        }
        String difference = StrictJson.firstDifference(StrictJson.parse(encode(envelope)), given, "");
        if (difference != null) {
            throw new MessageCodecException("JSON line does not fit the message catalogue at " + difference
                    + ": " + abbreviate(text));
        }
        return envelope;
    }

    /**
     * Escapes every char from U+007F up as a JSON {@code \\u} escape. Outside strings JSON is ASCII, so this
     * only touches string contents, where the escape means the same char.
     */
    static String asciiOnly(String json) {
        StringBuilder sb = null;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c >= 0x7F) {
                if (sb == null) {
                    sb = new StringBuilder(json.length() + 16).append(json, 0, i);
                }
                sb.append(String.format("\\u%04X", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? json : sb.toString();
    }

    private static String abbreviate(CharSequence line) {
        return line.length() <= 200 ? line.toString() : line.subSequence(0, 200) + "...";
    }
}
