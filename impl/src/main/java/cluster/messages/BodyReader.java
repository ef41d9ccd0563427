package cluster.messages;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads what {@link BodyWriter} wrote, strictly: a varint too long, a value out of range, a count
 * or length beyond the bytes left, an unknown enum ordinal or message type, a presence byte other
 * than 0/1, or bytes left over all throw {@link InvalidMessageException}. Garbage never becomes a
 * message with default-valued fields, and every read stays inside the body.
 */
public final class BodyReader {

    private final byte[] bytes;
    private int position;

    BodyReader(byte[] bytes) {
        this.bytes = bytes;
    }

    int remaining() {
        return bytes.length - position;
    }

    void requireEnd(String what) {
        if (position != bytes.length) {
            throw new InvalidMessageException(remaining() + " unread bytes after the " + what);
        }
    }

    public int readInt() {
        long value = readLong();
        if (value != (int) value) {
            throw new InvalidMessageException("int field out of range: " + value);
        }
        return (int) value;
    }

    public long readLong() {
        long zigzag = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = readByte();
            zigzag |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (zigzag >>> 1) ^ -(zigzag & 1);
            }
        }
        throw new InvalidMessageException("varint longer than 10 bytes");
    }

    public String readString() {
        long length = readLong();
        if (length == -1) {
            return null;
        }
        if (length < 0 || length > remaining()) {
            throw new InvalidMessageException("bad string length " + length + " with " + remaining() + " bytes left");
        }
        int start = position;
        int end = start + (int) length;
        position = end;
        for (int i = start; i < end; i++) {
            if (bytes[i] < 0) {
                return ModifiedUtf8.decode(bytes, start, end);
            }
        }
        return new String(bytes, start, end - start, StandardCharsets.ISO_8859_1);
    }

    /** One byte, 0 or 1; anything else is garbage. */
    public boolean readBoolean() {
        int flag = readByte();
        if (flag > 1) {
            throw new InvalidMessageException("bad boolean " + flag);
        }
        return flag == 1;
    }

    public Integer readNullableInt() {
        return readPresence() ? readInt() : null;
    }

    public <E extends Enum<E>> E readEnum(Class<E> type) {
        long code = readLong();
        E[] constants = type.getEnumConstants();
        if (code < 0 || code > constants.length) {
            throw new InvalidMessageException("no " + type.getSimpleName() + " with code " + code);
        }
        return code == 0 ? null : constants[(int) code - 1];
    }

    public boolean readPresence() {
        int flag = readByte();
        if (flag > 1) {
            throw new InvalidMessageException("bad presence flag " + flag);
        }
        return flag == 1;
    }

    /**
     * A list or map size (-1 for null). Every item takes at least one byte, so a count above the
     * bytes left is garbage; checking here also stops a forged count from allocating a huge list.
     */
    public int readCount() {
        long count = readLong();
        if (count < -1 || count > remaining()) {
            throw new InvalidMessageException("bad item count " + count + " with " + remaining() + " bytes left");
        }
        return (int) count;
    }

    public List<String> readStrings() {
        int count = readCount();
        if (count < 0) {
            return null;
        }
        List<String> values = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            values.add(readString());
        }
        return values;
    }

    public Map<String, Long> readClock() {
        int count = readCount();
        if (count < 0) {
            return null;
        }
        Map<String, Long> clock = new LinkedHashMap<>(Math.max(4, count * 2));
        for (int i = 0; i < count; i++) {
            String node = readString();
            if (clock.put(node, readLong()) != null) {
                throw new InvalidMessageException("vector clock names node " + node + " twice");
            }
        }
        return clock;
    }

    public Message readMessage() {
        if (!readPresence()) {
            return null;
        }
        String type = readString();
        Class<? extends Message> messageClass = type == null ? null : MessageCatalogue.messageType(type);
        if (messageClass == null) {
            throw new InvalidMessageException("unknown message type " + type);
        }
        Message message = BinaryLayout.newInstance(messageClass);
        ((CatalogueMarshallable) message).readBody(this);
        return message;
    }

    private int readByte() {
        if (position >= bytes.length) {
            throw new InvalidMessageException("body cut short");
        }
        return bytes[position++] & 0xFF;
    }
}
