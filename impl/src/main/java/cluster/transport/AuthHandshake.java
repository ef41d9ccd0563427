package cluster.transport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The mutual challenge-response handshake run before any envelope when a shared secret is
 * configured. Each side proves it knows the secret without sending it, over both sides' fresh
 * random nonces, so a recorded handshake cannot be replayed:
 * <pre>
 *   client → server  HELLO      magic | clientNonce
 *   server → client  CHALLENGE  magic | serverNonce | HMAC(secret, "server" | clientNonce | serverNonce)
 *   client → server  RESPONSE   HMAC(secret, "client" | clientNonce | serverNonce)
 *   server → client  OK         magic-ok
 * </pre>
 * HMAC-SHA256; proofs are compared in constant time. The two labels keep one side's proof from
 * being reflected back as the other's. Each message is one length-prefixed frame, like envelopes.
 * The link is authenticated, not encrypted.
 */
final class AuthHandshake {

    static final int NONCE_BYTES = 32;
    static final int PROOF_BYTES = 32;
    private static final byte[] MAGIC = "CCMAUTH1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] MAGIC_OK = "CCMAUTOK".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SERVER_LABEL = "server".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CLIENT_LABEL = "client".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final byte[] key;

    AuthHandshake(String secret) {
        this.key = secret.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] newNonce() {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        return nonce;
    }

    byte[] serverProof(byte[] clientNonce, byte[] serverNonce) {
        return hmac(SERVER_LABEL, clientNonce, serverNonce);
    }

    byte[] clientProof(byte[] clientNonce, byte[] serverNonce) {
        return hmac(CLIENT_LABEL, clientNonce, serverNonce);
    }

    static boolean sameProof(byte[] expected, byte[] given) {
        return MessageDigest.isEqual(expected, given);
    }

    static ByteBuf hello(byte[] clientNonce) {
        return Unpooled.wrappedBuffer(MAGIC, clientNonce);
    }

    /** The client nonce of a HELLO frame, or null if the frame is not one. */
    static byte[] readHello(ByteBuf frame) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        if (bytes.length != MAGIC.length + NONCE_BYTES || !startsWithMagic(bytes, MAGIC)) {
            return null;
        }
        return Arrays.copyOfRange(bytes, MAGIC.length, bytes.length);
    }

    static ByteBuf challenge(byte[] serverNonce, byte[] serverProof) {
        return Unpooled.wrappedBuffer(MAGIC, serverNonce, serverProof);
    }

    /** {serverNonce, serverProof} of a CHALLENGE frame, or null if the frame is not one. */
    static byte[][] readChallenge(ByteBuf frame) {
        byte[] bytes = ByteBufUtil.getBytes(frame);
        if (bytes.length != MAGIC.length + NONCE_BYTES + PROOF_BYTES || !startsWithMagic(bytes, MAGIC)) {
            return null;
        }
        int nonceEnd = MAGIC.length + NONCE_BYTES;
        return new byte[][] {
            Arrays.copyOfRange(bytes, MAGIC.length, nonceEnd), Arrays.copyOfRange(bytes, nonceEnd, bytes.length)};
    }

    static ByteBuf response(byte[] clientProof) {
        return Unpooled.wrappedBuffer(clientProof);
    }

    /** The proof of a RESPONSE frame, or null if the frame is not one. */
    static byte[] readResponse(ByteBuf frame) {
        return frame.readableBytes() == PROOF_BYTES ? ByteBufUtil.getBytes(frame) : null;
    }

    static ByteBuf ok() {
        return Unpooled.wrappedBuffer(MAGIC_OK);
    }

    static boolean isOk(ByteBuf frame) {
        return Arrays.equals(ByteBufUtil.getBytes(frame), MAGIC_OK);
    }

    private static boolean startsWithMagic(byte[] bytes, byte[] magic) {
        return Arrays.equals(bytes, 0, magic.length, magic, 0, magic.length);
    }

    private byte[] hmac(byte[] label, byte[] clientNonce, byte[] serverNonce) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(label);
            mac.update(clientNonce);
            mac.update(serverNonce);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        }
    }
}
