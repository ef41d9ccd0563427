package cluster.messages;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Writes the compact binary body of catalogue objects into a plain, growable byte array, which
 * goes to Chronicle in one copy ({@link CatalogueMarshallable#writeMarshallable}). Going through
 * Chronicle's {@code Bytes} for every small field cost several times more than the field itself.
 *
 * <p>The format (read back strictly by {@link BodyReader}):
 * <ul>
 *   <li>int, long: zigzag varint (1 byte for -64..63, at most 10 bytes);</li>
 *   <li>boolean: one byte, 0 or 1;</li>
 *   <li>String: varint byte length (-1 = null), then modified UTF-8 ({@link ModifiedUtf8});</li>
 *   <li>Integer and other nullable values: a presence byte (0 = null, 1 = set), then the value;</li>
 *   <li>enum: varint ordinal + 1 (0 = null);</li>
 *   <li>List, Map: varint count (-1 = null), then the items (a map as key, value pairs);</li>
 *   <li>Message: presence byte, its type name (a String), then its fields;</li>
 *   <li>a catalogue object: its public fields in declaration order, nothing else.</li>
 * </ul>
 * Not thread-safe; {@link #forThisThread()} gives each thread its own.
 */
public final class BodyWriter {

    private static final ThreadLocal<BodyWriter> PER_THREAD = ThreadLocal.withInitial(BodyWriter::new);

    private byte[] buffer = new byte[256];
    private int size;

    static BodyWriter forThisThread() {
        BodyWriter writer = PER_THREAD.get();
        writer.size = 0;
        return writer;
    }

    byte[] buffer() {
        return buffer;
    }

    int size() {
        return size;
    }

    public void writeInt(int value) {
        writeLong(value);
    }

    public void writeLong(long value) {
        ensure(10);
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((zigzag & 0x7F) | 0x80);
            zigzag >>>= 7;
        }
        buffer[size++] = (byte) zigzag;
    }

    public void writeString(String value) {
        if (value == null) {
            writeLong(-1);
            return;
        }
        int length = value.length();
        int start = size;
        writeLong(length); // the byte length if the string is ASCII, which ids, hosts and commands are
        ensure(length);
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                size = start;
                byte[] encoded = ModifiedUtf8.encode(value);
                writeLong(encoded.length);
                writeBytes(encoded);
                return;
            }
            buffer[size + i] = (byte) c;
        }
        size += length;
    }

    /** One byte, 0 or 1. */
    public void writeBoolean(boolean value) {
        ensure(1);
        buffer[size++] = (byte) (value ? 1 : 0);
    }

    public void writeNullableInt(Integer value) {
        if (writePresence(value)) {
            writeInt(value);
        }
    }

    public void writeEnum(Enum<?> value) {
        writeLong(value == null ? 0 : value.ordinal() + 1);
    }

    /** Writes the presence byte and returns whether a value follows. */
    public boolean writePresence(Object value) {
        ensure(1);
        buffer[size++] = (byte) (value == null ? 0 : 1);
        return value != null;
    }

    /** A list or map size, -1 for null. */
    public void writeCount(int count) {
        writeLong(count);
    }

    public void writeStrings(List<String> values) {
        if (values == null) {
            writeCount(-1);
            return;
        }
        writeCount(values.size());
        for (String value : values) {
            writeString(value);
        }
    }

    public void writeClock(Map<String, Long> clock) {
        if (clock == null) {
            writeCount(-1);
            return;
        }
        writeCount(clock.size());
        for (Map.Entry<String, Long> e : clock.entrySet()) {
            writeString(e.getKey());
            writeLong(e.getValue());
        }
    }

    /** A message with its type name, so the reader knows which class to build. */
    public void writeMessage(Message message) {
        if (writePresence(message)) {
            writeString(message.type());
            ((CatalogueMarshallable) message).writeBody(this);
        }
    }

    private void writeBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
        }
    }
}
