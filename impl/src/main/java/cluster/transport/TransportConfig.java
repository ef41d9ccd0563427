package cluster.transport;

import java.time.Duration;
import java.util.Map;

/**
 * Settings of a {@link Transport}, with Spark's key names where Spark has one.
 *
 * @param maxFrameBytes    largest frame accepted or sent; a bigger incoming frame closes that connection
 *                         ({@code spark.rpc.message.maxSize}, in MiB, default 128)
 * @param secret           shared secret for the challenge-response handshake, or null for none
 *                         ({@code spark.authenticate=true} with {@code spark.authenticate.secret})
 * @param handshakeTimeout bound on connecting plus authenticating; a peer that takes longer is dropped
 * @param ioThreads        Netty I/O threads of the node (decoding runs there, handlers do not)
 */
public record TransportConfig(int maxFrameBytes, String secret, Duration handshakeTimeout, int ioThreads) {

    public static final String MAX_SIZE_KEY = "spark.rpc.message.maxSize";
    public static final String AUTHENTICATE_KEY = "spark.authenticate";
    public static final String SECRET_KEY = "spark.authenticate.secret";
    public static final int DEFAULT_MAX_SIZE_MIB = 128;

    public TransportConfig {
        if (maxFrameBytes < 64) {
            throw new IllegalArgumentException("maxFrameBytes must be at least 64, was " + maxFrameBytes);
        }
        if (secret != null && secret.isEmpty()) {
            throw new IllegalArgumentException("an empty secret authenticates nobody; use null for no authentication");
        }
        if (handshakeTimeout.isNegative() || handshakeTimeout.isZero()) {
            throw new IllegalArgumentException("handshakeTimeout must be positive");
        }
        if (ioThreads < 1) {
            throw new IllegalArgumentException("ioThreads must be at least 1");
        }
    }

    /** 128 MiB frames, no authentication, 10 s handshake, one I/O thread. */
    public static TransportConfig defaults() {
        return new TransportConfig(DEFAULT_MAX_SIZE_MIB << 20, null, Duration.ofSeconds(10), 1);
    }

    /** Reads {@code spark.rpc.message.maxSize}, {@code spark.authenticate} and {@code spark.authenticate.secret}. */
    public static TransportConfig fromSparkConf(Map<String, String> conf) {
        TransportConfig config = defaults();
        String maxSize = conf.get(MAX_SIZE_KEY);
        if (maxSize != null) {
            int mib;
            try {
                mib = Integer.parseInt(maxSize.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(MAX_SIZE_KEY + " must be a whole number of MiB, was " + maxSize);
            }
            if (mib < 1 || mib > 2047) {
                throw new IllegalArgumentException(MAX_SIZE_KEY + " must be between 1 and 2047 (MiB), was " + mib);
            }
            config = config.withMaxFrameBytes(mib << 20);
        }
        if (Boolean.parseBoolean(conf.getOrDefault(AUTHENTICATE_KEY, "false").trim())) {
            String secret = conf.get(SECRET_KEY);
            if (secret == null || secret.isEmpty()) {
                throw new IllegalArgumentException(AUTHENTICATE_KEY + "=true needs " + SECRET_KEY);
            }
            config = config.withSecret(secret);
        }
        return config;
    }

    public TransportConfig withMaxFrameBytes(int bytes) {
        return new TransportConfig(bytes, secret, handshakeTimeout, ioThreads);
    }

    public TransportConfig withSecret(String sharedSecret) {
        return new TransportConfig(maxFrameBytes, sharedSecret, handshakeTimeout, ioThreads);
    }

    public TransportConfig withHandshakeTimeout(Duration timeout) {
        return new TransportConfig(maxFrameBytes, secret, timeout, ioThreads);
    }

    public boolean authenticates() {
        return secret != null;
    }

    /** Never print the secret. */
    @Override
    public String toString() {
        return "TransportConfig[maxFrameBytes=" + maxFrameBytes + ", authenticate=" + authenticates()
                + ", handshakeTimeout=" + handshakeTimeout + ", ioThreads=" + ioThreads + "]";
    }
}
