package cluster.messages.codec;

import cluster.messages.ArbitraryMessages;
import cluster.messages.Envelope;
import cluster.messages.Message;
import cluster.messages.MessageCatalogue;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every message type survives both codecs unchanged ({@code equals} after the round trip). */
class CodecRoundTripProperties {

    private final BinaryEnvelopeCodec binary = new BinaryEnvelopeCodec();
    private final JsonEnvelopeCodec json = new JsonEnvelopeCodec();

    @Provide
    Arbitrary<Envelope> envelopes() {
        return ArbitraryMessages.envelopes();
    }

    @Property(tries = 1500)
    void binaryRoundTrip(@ForAll("envelopes") Envelope sent) {
        Envelope received = binary.decode(binary.encode(sent));
        assertEquals(sent, received);
        assertEquals(sent.body.getClass(), received.body.getClass());
    }

    @Property(tries = 1500)
    void jsonRoundTrip(@ForAll("envelopes") Envelope sent) {
        String line = json.encode(sent);
        assertFalse(line.contains("\n") || line.contains("\r"), line);
        assertTrue(line.startsWith("{\"@Envelope\":{"), line);
        assertEquals(sent, json.decode(line));
    }

    /** The properties above draw types at random; this makes sure none is left out. */
    @Example
    void everyMessageTypeRoundTripsThroughBothCodecs() {
        for (Class<? extends Message> type : MessageCatalogue.MESSAGE_TYPES) {
            ArbitraryMessages.envelopes(ArbitraryMessages.of(type)).sampleStream().limit(30).forEach(sent -> {
                assertEquals(sent, binary.decode(binary.encode(sent)), type.getSimpleName());
                String line = json.encode(sent);
                assertTrue(line.contains("\"@" + type.getSimpleName() + "\""), line);
                assertEquals(sent, json.decode(line), type.getSimpleName());
            });
        }
    }
}
