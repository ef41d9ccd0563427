package cluster.messages.codec;

import cluster.messages.ApplicationDescription;
import cluster.messages.Envelope;
import cluster.messages.RegisterApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Start-up check that this JVM can run Chronicle Wire correctly. Without
 * {@code --add-opens=java.base/java.lang.reflect=ALL-UNNAMED} Chronicle does not crash: it
 * silently mis-handles {@code Map} fields and {@code equals}. Every node calls {@link #verify()}
 * first (and {@link #verifyJson()} before it writes JSON), so a JVM started without the flags stops at once with a message naming them,
 * instead of dropping or corrupting messages later.
 */
public final class WireSelfCheck {

    private static final Logger LOG = LoggerFactory.getLogger(WireSelfCheck.class);

    /** The flag without which Map fields fail; the full set is {@code chronicle.jvm.flags} in the parent pom. */
    public static final String REQUIRED_FLAG = "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED";

    private static volatile boolean jsonVerified;

    private WireSelfCheck() {
    }

    /** @throws IllegalStateException if the JVM flags are missing or a round trip is not faithful */
    public static void verify() {
        Module ours = WireSelfCheck.class.getModule();
        if (!Object.class.getModule().isOpen("java.lang.reflect", ours)) {
            throw new IllegalStateException("Chronicle Wire needs the JVM flag " + REQUIRED_FLAG
                    + " (see chronicle.jvm.flags in the parent pom and the bin/ launch scripts)");
        }
        if (!Object.class.getModule().isOpen("java.lang", ours)) {
            LOG.warn("JVM started without --add-opens=java.base/java.lang=ALL-UNNAMED;"
                    + " Chronicle falls back to slower proxies for generated code");
        }
        Envelope sample = sample();
        requireEqual(sample, roundTrip(() -> new BinaryEnvelopeCodec().decode(new BinaryEnvelopeCodec().encode(sample))),
                "BINARY_LIGHT");
    }

    /**
     * The same check for Chronicle's JSON wire, once per JVM, by the processes that use it (trace files, the
     * Maelstrom protocol): JSON's first use costs a short-lived executor a noticeable part of its start-up, and
     * the JVM flags it depends on are the ones {@link #verify()} already checks.
     *
     * @throws IllegalStateException if the round trip is not faithful
     */
    public static void verifyJson() {
        if (jsonVerified) {
            return;
        }
        Envelope sample = sample();
        requireEqual(sample, roundTrip(() -> new JsonEnvelopeCodec().decode(new JsonEnvelopeCodec().encode(sample))),
                "JSON_ONLY");
        jsonVerified = true;
    }

    private static Envelope roundTrip(java.util.function.Supplier<Envelope> trip) {
        try {
            return trip.get();
        } catch (RuntimeException e) {
            throw new IllegalStateException("Chronicle Wire round trip failed; are the JVM flags ("
                    + REQUIRED_FLAG + " and the rest of chronicle.jvm.flags) set?", e);
        }
    }

    private static void requireEqual(Envelope sent, Envelope received, String wire) {
        if (!sent.equals(received) || !received.equals(sent)) {
            throw new IllegalStateException("Chronicle Wire " + wire + " round trip is not faithful"
                    + " (missing JVM flag " + REQUIRED_FLAG + "?): sent " + sent + " received " + received);
        }
    }

    /** A message with a Map field, nullable fields both set and unset, and a nested value. */
    private static Envelope sample() {
        Map<String, Long> clock = new LinkedHashMap<>();
        clock.put("driver-1", 3L);
        clock.put("master-1", 7L);
        ApplicationDescription description =
                new ApplicationDescription("self-check", 4, null, 512, null, List.of("java", "{{EXECUTOR_ID}}"));
        return new Envelope("driver-1", "master-1", 1L, clock,
                new RegisterApplication("key-1", "spark://driver@127.0.0.1:7078", description));
    }
}
