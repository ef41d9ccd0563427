package cluster.messages;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The primitives of the compact binary body format, shared by {@link BinaryLayout} (the generic,
 * reflective layout) and the hand-written {@code writeMarshallable}/{@code readMarshallable} of the
 * hot messages, so both produce the same bytes.
 *
 * <p>Encoding: ints and longs as Chronicle stop-bit numbers; strings as modified UTF-8 after a
 * stop-bit byte length (-1 = null); a null-capable value behind a presence byte (0 = null, 1 = set);
 * enums as a stop-bit ordinal + 1 (0 = null); lists and maps as a stop-bit count (-1 = null),
 * then the items.
 *
 * <p>Every read is strict: a value out of range, a count larger than the bytes left, an unknown
 * enum ordinal or a presence byte other than 0/1 throws {@link InvalidMessageException}, so
 * garbage never becomes a message with default-valued fields.
 */
public final class BinaryFields {

    private BinaryFields() {
    }

    public static void writeInt(BytesOut<?> out, int value) {
        out.writeStopBit(value);
    }

    public static int readInt(BytesIn<?> in) {
        long value = in.readStopBit();
        if (value != (int) value) {
            throw new InvalidMessageException("int field out of range: " + value);
        }
        return (int) value;
    }

    public static void writeLong(BytesOut<?> out, long value) {
        out.writeStopBit(value);
    }

    public static long readLong(BytesIn<?> in) {
        return in.readStopBit();
    }

    /**
     * Writes a string as its byte length (stop-bit, -1 = null) and its bytes in modified UTF-8
     * (each char on its own, so unpaired surrogates survive). Hand-rolled rather than Chronicle's
     * {@code writeUtf8}/{@code readUtf8}, which cost about 8x more per string here and made strings
     * most of the time of a decode.
     */
    public static void writeString(BytesOut<?> out, String value) {
        if (value == null) {
            out.writeStopBit(-1);
            return;
        }
        // The JDK's UTF-8 encoder is intrinsic and fast; when it gives one byte per char and no '?' stands
        // for an unpaired surrogate, the string is ASCII, which modified UTF-8 writes the same way.
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length != value.length() || replacedSurrogate(bytes, value)) {
            bytes = ModifiedUtf8.encode(value);
        }
        out.writeStopBit(bytes.length);
        out.write(bytes);
    }

    private static boolean replacedSurrogate(byte[] bytes, String value) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '?' && value.charAt(i) != '?') {
                return true;
            }
        }
        return false;
    }

    public static String readString(BytesIn<?> in) {
        long length = in.readStopBit();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > in.readRemaining()) {
            throw new InvalidMessageException(
                    "bad string length " + length + " with " + in.readRemaining() + " bytes left");
        }
        if (length == 0) {
            return "";
        }
        byte[] bytes = new byte[(int) length];
        if (in.read(bytes) != bytes.length) {
            throw new InvalidMessageException("string cut short");
        }
        for (byte b : bytes) {
            if (b < 0) {
                return ModifiedUtf8.decode(bytes);
            }
        }
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }


    public static void writeNullableInt(BytesOut<?> out, Integer value) {
        if (writePresence(out, value)) {
            out.writeStopBit(value);
        }
    }

    public static Integer readNullableInt(BytesIn<?> in) {
        return readPresence(in) ? readInt(in) : null;
    }

    public static void writeEnum(BytesOut<?> out, Enum<?> value) {
        out.writeStopBit(value == null ? 0 : value.ordinal() + 1);
    }

    public static <E extends Enum<E>> E readEnum(BytesIn<?> in, Class<E> type) {
        long code = in.readStopBit();
        E[] constants = type.getEnumConstants();
        if (code < 0 || code > constants.length) {
            throw new InvalidMessageException("no " + type.getSimpleName() + " with code " + code);
        }
        return code == 0 ? null : constants[(int) code - 1];
    }

    /** Writes the presence byte and returns whether a value follows. */
    public static boolean writePresence(BytesOut<?> out, Object value) {
        out.writeByte(value == null ? (byte) 0 : (byte) 1);
        return value != null;
    }

    public static boolean readPresence(BytesIn<?> in) {
        int flag = in.readUnsignedByte();
        if (flag > 1) {
            throw new InvalidMessageException("bad presence flag " + flag);
        }
        return flag == 1;
    }

    /** Writes a list or map size, -1 for null. */
    public static void writeCount(BytesOut<?> out, int count) {
        out.writeStopBit(count);
    }

    /**
     * Reads a list or map size (-1 for null). Every item takes at least one byte, so a count
     * above the bytes left is garbage; checking it here also stops a forged count from making
     * the reader allocate a huge collection.
     */
    public static int readCount(BytesIn<?> in) {
        long count = in.readStopBit();
        if (count < -1 || count > in.readRemaining()) {
            throw new InvalidMessageException("bad item count " + count + " with " + in.readRemaining() + " bytes left");
        }
        return (int) count;
    }

    public static void writeStrings(BytesOut<?> out, List<String> values) {
        if (values == null) {
            writeCount(out, -1);
            return;
        }
        writeCount(out, values.size());
        for (String value : values) {
            writeString(out, value);
        }
    }

    public static List<String> readStrings(BytesIn<?> in) {
        int count = readCount(in);
        if (count < 0) {
            return null;
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString(in));
        }
        return values;
    }

    public static void writeClock(BytesOut<?> out, Map<String, Long> clock) {
        if (clock == null) {
            writeCount(out, -1);
            return;
        }
        writeCount(out, clock.size());
        for (Map.Entry<String, Long> e : clock.entrySet()) {
            writeString(out, e.getKey());
            out.writeStopBit(e.getValue());
        }
    }

    public static Map<String, Long> readClock(BytesIn<?> in) {
        int count = readCount(in);
        if (count < 0) {
            return null;
        }
        Map<String, Long> clock = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            String node = readString(in);
            if (clock.put(node, in.readStopBit()) != null) {
                throw new InvalidMessageException("vector clock names node " + node + " twice");
            }
        }
        return clock;
    }

    /** Writes a message with its type name so the reader knows which class to build. */
    public static void writeMessage(BytesOut<?> out, Message message) {
        if (writePresence(out, message)) {
            writeString(out, message.type());
            message.writeMarshallable(out);
        }
    }

    public static Message readMessage(BytesIn<?> in) {
        if (!readPresence(in)) {
            return null;
        }
        String type = readString(in);
        Class<? extends Message> messageClass = type == null ? null : MessageCatalogue.messageType(type);
        if (messageClass == null) {
            throw new InvalidMessageException("unknown message type " + type);
        }
        Message message = BinaryLayout.newInstance(messageClass);
        message.readMarshallable(in);
        return message;
    }
}
