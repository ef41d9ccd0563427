package cluster.messages;

/**
 * Modified UTF-8 as used by {@link BodyWriter}, and as Chronicle writes text: every char on its
 * own in 1, 2 or 3 bytes (surrogates too, so any Java string round-trips, paired or not; the JDK's
 * UTF-8 decoder would turn them into U+FFFD). Decoding is strict: truncated, overlong or 4-byte
 * sequences are errors, not replacement characters.
 */
public final class ModifiedUtf8 {

    private ModifiedUtf8() {
    }

    public static byte[] encode(String s) {
        int n = s.length();
        int size = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            size += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        byte[] out = new byte[size];
        int p = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                out[p++] = (byte) c;
            } else if (c < 0x800) {
                out[p++] = (byte) (0xC0 | c >> 6);
                out[p++] = (byte) (0x80 | c & 0x3F);
            } else {
                out[p++] = (byte) (0xE0 | c >> 12);
                out[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return out;
    }

    public static String decode(byte[] in) {
        return decode(in, 0, in.length);
    }

    /** Decodes {@code in[from, to)}. */
    public static String decode(byte[] in, int from, int to) {
        char[] chars = new char[to - from];
        int n = 0;
        for (int p = from; p < to; ) {
            int b = in[p++] & 0xFF;
            int c;
            if (b < 0x80) {
                c = b;
            } else if ((b & 0xE0) == 0xC0) {
                c = (b & 0x1F) << 6 | continuation(in, p++, to);
                if (c < 0x80) {
                    throw malformed();
                }
            } else if ((b & 0xF0) == 0xE0) {
                c = (b & 0x0F) << 12 | continuation(in, p++, to) << 6 | continuation(in, p++, to);
                if (c < 0x800) {
                    throw malformed();
                }
            } else {
                throw malformed();
            }
            chars[n++] = (char) c;
        }
        return new String(chars, 0, n);
    }

    private static int continuation(byte[] in, int p, int to) {
        if (p >= to || (in[p] & 0xC0) != 0x80) {
            throw malformed();
        }
        return in[p] & 0x3F;
    }

    private static InvalidMessageException malformed() {
        return new InvalidMessageException("malformed modified UTF-8 string");
    }
}
