package cluster.messages.codec;

import cluster.messages.Envelope;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.Heartbeat;
import cluster.messages.InvalidMessageException;
import cluster.messages.LaunchExecutor;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.SelfDescribingMarshallable;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Garbage in, a clear {@link MessageCodecException} out: never a hang, a crash or a half-built message. */
class MalformedInputTest {

    private final BinaryEnvelopeCodec binary = new BinaryEnvelopeCodec();
    private final JsonEnvelopeCodec json = new JsonEnvelopeCodec();

    private static Envelope sample() {
        return new Envelope("master-1", "worker-1", 42, Map.of("master-1", 7L, "worker-1", 3L),
                new LaunchExecutor(3, "worker-1", "app-0001", 4, 2, 1024, List.of("java", "{{EXECUTOR_ID}}")));
    }

    /**
     * Random corruption of real frames and random bytes. Before the header check, Chronicle's own
     * parser crashed the JVM (SIGSEGV in Unsafe reads) on such input within a few thousand frames.
     */
    @Test
    void corruptedAndRandomFramesAreRejectedOrDecodeToCompleteEnvelopes() {
        byte[] good = binary.encode(sample());
        Random random = new Random(20261121);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            for (int i = 0; i < 50_000; i++) {
                byte[] frame = i % 5 == 0 ? randomBytes(random, random.nextInt(64)) : corrupt(good, random);
                try {
                    Envelope decoded = binary.decode(frame);
                    // Corrupting the inside of a string can give another valid envelope: it must be complete.
                    cluster.messages.MessageValidator.validate(decoded);
                } catch (MessageCodecException expected) {
                    // the normal outcome
                }
            }
        });
    }

    @Test
    void truncatedFramesAreRejected() {
        byte[] good = binary.encode(sample());
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThrows(MessageCodecException.class, () -> binary.decode(cut), "length " + length);
        }
    }

    @Test
    void trailingBytesAreRejected() {
        byte[] good = binary.encode(sample());
        assertThrows(MessageCodecException.class, () -> binary.decode(Arrays.copyOf(good, good.length + 1)));
    }

    @Test
    void aFrameHoldingAnotherTypeIsRejected() {
        Wire wire = WireType.BINARY_LIGHT.apply(Bytes.allocateElasticOnHeap());
        wire.getValueOut().object(new Stranger());
        byte[] frame = wire.bytes().toByteArray();
        MessageCodecException e = assertThrows(MessageCodecException.class, () -> binary.decode(frame));
        assertTrue(e.getMessage().contains("Envelope header"), e.getMessage());
    }

    @Test
    void encodingAnIncompleteEnvelopeFailsAtTheSender() {
        Envelope incomplete = Envelope.of("w", "m", 1, new ExecutorStateChanged(null, "app", 1, ExecutorState.LOST, null, null));
        assertThrows(InvalidMessageException.class, () -> binary.encode(incomplete));
        assertThrows(InvalidMessageException.class, () -> json.encode(incomplete));
    }

    /** Each line is something Chronicle's lenient JSON reader alone would accept, repair or misread. */
    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "garbage",
        "[1,2]",
        "{}",
        "{\"@Envelope\":{}}",
        "{\"@Envelope\":{\"src\":\"a\"",
        "{\"@java.io.File\":{\"path\":\"x\"}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":1,\"vectorClock\":{},\"body\":{\"@Nope\":{}}}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":\"abc\",\"vectorClock\":{},\"body\":{\"@Heartbeat\":{\"workerId\":\"w\",\"incarnation\":0}}}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"vectorClock\":{},\"body\":{\"@Heartbeat\":{\"workerId\":\"w\",\"incarnation\":0}}}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":1.5,\"vectorClock\":{},\"body\":{\"@Heartbeat\":{\"workerId\":\"w\",\"incarnation\":0}}}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":99999999999999999999,\"vectorClock\":{},\"body\":{\"@Heartbeat\":{\"workerId\":\"w\",\"incarnation\":0}}}}",
        "{\"@Envelope\":{\"src\":5,\"dest\":\"b\",\"msgId\":1,\"vectorClock\":{},\"body\":{\"@Heartbeat\":{\"workerId\":\"w\",\"incarnation\":0}}}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":1,\"vectorClock\":{},\"extra\":1,\"body\":{\"@Heartbeat\":{\"workerId\":\"w\",\"incarnation\":0}}}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":1,\"vectorClock\":{\"x\":\"y\"},\"body\":{\"@Heartbeat\":{\"workerId\":\"w\",\"incarnation\":0}}}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":1,\"vectorClock\":{},\"body\":{\"@Heartbeat\":{\"workerId\":[1,2]}}}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":1,\"vectorClock\":{},\"body\":{\"@ExecutorStateChanged\":{\"workerId\":\"w\",\"incarnation\":1,\"appId\":\"x\",\"execId\":1,\"state\":\"BOGUS\",\"message\":null,\"exitStatus\":null,\"driverGone\":false}}}}",
        "{\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":1,\"vectorClock\":{},\"body\":{\"@Heartbeat\":{\"workerId\":\"w\",\"incarnation\":0}}}} trailing",
        "{\"@Envelope\":{\"src\":\"a\",\"src\":\"b\",\"dest\":\"b\",\"msgId\":1,\"vectorClock\":{},\"body\":{\"@Heartbeat\":{\"workerId\":\"w\",\"incarnation\":0}}}}",
    })
    void malformedOrMisfittingJsonLinesAreRejected(String line) {
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(MessageCodecException.class, () -> json.decode(line)));
    }

    @Test
    void jsonAcceptsAnUntaggedEnumAndSurroundingWhitespace() {
        Envelope decoded = json.decode(" {\"@Envelope\":{\"src\":\"a\",\"dest\":\"b\",\"msgId\":1,\"vectorClock\":{},\"body\":"
                + "{\"@ExecutorStateChanged\":{\"workerId\":\"w\",\"incarnation\":1,\"appId\":\"x\",\"execId\":1,"
                + "\"state\":\"RUNNING\",\"message\":null,\"exitStatus\":null,\"driverGone\":false}}}} ");
        assertEquals(ExecutorState.RUNNING, ((ExecutorStateChanged) decoded.body).state);
    }

    /** Chronicle writes a surrogate pair as two 3-byte sequences; read as UTF-8 they became U+FFFD. */
    @Test
    void jsonKeepsEmojiAndNonAsciiAndWritesPureAscii() {
        Envelope sent = Envelope.of("w\u00e9", "m", 1, new Heartbeat("h\u00e9\uD83D\uDE00\u20ac"));
        String line = json.encode(sent);
        assertTrue(line.chars().allMatch(c -> c < 0x7F), line);
        assertEquals(sent, json.decode(line));
        String raw = "{\"@Envelope\":{\"src\":\"w\u00e9\",\"dest\":\"m\",\"msgId\":1,\"vectorClock\":{},"
                + "\"body\":{\"@Heartbeat\":{\"workerId\":\"h\u00e9\uD83D\uDE00\u20ac\",\"incarnation\":0}}}}";
        assertEquals(sent, json.decode(raw), "a line with raw non-ASCII text");
    }

    @Test
    void deeplyNestedJsonIsRejectedWithoutAStackOverflow() {
        String line = "[".repeat(100_000) + "]".repeat(100_000);
        assertThrows(MessageCodecException.class, () -> json.decode(line));
    }

    @Test
    void aHeartbeatRoundTripsAfterManyFailures() {
        // A failed decode must not leave the reused buffers in a state that breaks the next one.
        for (int i = 0; i < 100; i++) {
            assertThrows(MessageCodecException.class, () -> binary.decode(new byte[] {1, 2, 3}));
        }
        Envelope heartbeat = Envelope.of("w", "m", 9, new Heartbeat("w"));
        assertEquals(heartbeat, binary.decode(binary.encode(heartbeat)));
    }

    private static byte[] corrupt(byte[] good, Random random) {
        byte[] frame = good.clone();
        for (int k = 1 + random.nextInt(4); k > 0; k--) {
            frame[random.nextInt(frame.length)] = (byte) random.nextInt(256);
        }
        return random.nextInt(4) == 0 ? Arrays.copyOf(frame, random.nextInt(frame.length + 8)) : frame;
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    /** A Chronicle-marshallable class outside the catalogue. */
    public static final class Stranger extends SelfDescribingMarshallable {
        public String name = "not a message";
    }
}
