package cluster.coordination;

import cluster.core.AppRecord;
import cluster.core.PersistedRecord;
import cluster.core.WorkerRecord;
import cluster.messages.ApplicationDescription;
import cluster.messages.MessageCatalogue;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;

import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * Persisted records as bytes, for the file system and ZooKeeper stores: a 4-byte format tag, a CRC32 of the
 * body, then the body as Chronicle Wire BINARY_LIGHT named fields (the app's description in the message
 * catalogue's strict binary form).
 *
 * <p>Decoding is strict, because a record read wrongly would silently change what a new leader recovers
 * (Chronicle's reader turns a field it cannot parse into a default value): the tag and checksum must match,
 * the body must re-encode to exactly the stored bytes, and the record must be the one stored under its key.
 * Anything else is a {@link CorruptRecordException} naming the key.
 */
public final class RecordCodec {

    /** "SCR" + format version 1; a new layout gets a new tag, so an old master refuses it instead of misreading it. */
    private static final byte[] FORMAT_TAG = {'S', 'C', 'R', '1'};
    private static final int HEADER_BYTES = FORMAT_TAG.length + Integer.BYTES;
    private static final String APP = "app";
    private static final String WORKER = "worker";

    private RecordCodec() {
    }

    public static byte[] encode(PersistedRecord record) {
        MessageCatalogue.registerAliases();
        Wire wire = WireType.BINARY_LIGHT.apply(Bytes.allocateElasticOnHeap(256));
        if (record instanceof AppRecord app) {
            wire.write("type").text(APP);
            wire.write("appId").text(app.appId());
            wire.write("registrationKey").text(app.registrationKey());
            wire.write("driverNode").text(app.driverNode());
            wire.write("state").text(app.state().name());
            wire.write("nextExecId").int32(app.nextExecId());
            wire.write("target").int32(app.target());
            wire.write("description").object(ApplicationDescription.class, app.description());
        } else if (record instanceof WorkerRecord worker) {
            wire.write("type").text(WORKER);
            wire.write("workerId").text(worker.workerId());
            wire.write("incarnation").int64(worker.incarnation());
            wire.write("host").text(worker.host());
            wire.write("port").int32(worker.port());
            wire.write("cores").int32(worker.cores());
            wire.write("memoryMb").int32(worker.memoryMb());
        } else {
            throw new IllegalArgumentException("no encoding for " + record.getClass().getName());
        }
        byte[] body = wire.bytes().toByteArray();
        byte[] stored = new byte[HEADER_BYTES + body.length];
        System.arraycopy(FORMAT_TAG, 0, stored, 0, FORMAT_TAG.length);
        writeInt(stored, FORMAT_TAG.length, crc(body, 0, body.length));
        System.arraycopy(body, 0, stored, HEADER_BYTES, body.length);
        return stored;
    }

    /**
     * Reads the record stored under {@code key}.
     *
     * @throws CorruptRecordException naming {@code key} for anything but exactly one valid record of that key
     */
    public static PersistedRecord decode(String key, byte[] stored) {
        if (stored == null || stored.length < HEADER_BYTES) {
            throw new CorruptRecordException(key, "only " + (stored == null ? 0 : stored.length)
                    + " bytes, shorter than the " + HEADER_BYTES + "-byte header");
        }
        if (!Arrays.equals(stored, 0, FORMAT_TAG.length, FORMAT_TAG, 0, FORMAT_TAG.length)) {
            throw new CorruptRecordException(key, "unknown format tag "
                    + Arrays.toString(Arrays.copyOf(stored, FORMAT_TAG.length)) + " (expected SCR1)");
        }
        if (readInt(stored, FORMAT_TAG.length) != crc(stored, HEADER_BYTES, stored.length - HEADER_BYTES)) {
            throw new CorruptRecordException(key, "checksum mismatch over " + (stored.length - HEADER_BYTES) + " bytes");
        }
        PersistedRecord record;
        try {
            record = readBody(Arrays.copyOfRange(stored, HEADER_BYTES, stored.length));
        } catch (BodyProblem e) {
            throw new CorruptRecordException(key, e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new CorruptRecordException(key, "unreadable body: " + e, e);
        }
        if (!Arrays.equals(encode(record), stored)) {
            throw new CorruptRecordException(key, "fields do not read back as stored (re-encoding " + record
                    + " gives other bytes)");
        }
        if (!record.key().equals(key)) {
            throw new CorruptRecordException(key, "holds the record of key '" + record.key() + "'");
        }
        return record;
    }

    private static PersistedRecord readBody(byte[] body) {
        MessageCatalogue.registerAliases();
        Wire wire = WireType.BINARY_LIGHT.apply(Bytes.wrapForRead(body));
        String type = wire.read("type").text();
        PersistedRecord record;
        if (APP.equals(type)) {
            String appId = wire.read("appId").text();
            String registrationKey = wire.read("registrationKey").text();
            String driverNode = wire.read("driverNode").text();
            AppRecord.State state = AppRecord.State.valueOf(wire.read("state").text());
            int nextExecId = wire.read("nextExecId").int32();
            int target = wire.read("target").int32();
            ApplicationDescription description = wire.read("description").object(ApplicationDescription.class);
            record = new AppRecord(appId, registrationKey, driverNode, description, state, nextExecId, target);
        } else if (WORKER.equals(type)) {
            record = new WorkerRecord(wire.read("workerId").text(), wire.read("incarnation").int64(),
                    wire.read("host").text(), wire.read("port").int32(), wire.read("cores").int32(),
                    wire.read("memoryMb").int32());
        } else {
            throw new BodyProblem("unknown record type '" + type + "'");
        }
        if (wire.bytes().readRemaining() != 0) {
            throw new BodyProblem(wire.bytes().readRemaining() + " bytes after the record");
        }
        return record;
    }

    /** A body that parsed but is not a record; its message is the problem. */
    private static final class BodyProblem extends RuntimeException {
        BodyProblem(String problem) {
            super(problem);
        }
    }

    private static int crc(byte[] bytes, int offset, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }

    private static void writeInt(byte[] b, int at, int value) {
        b[at] = (byte) (value >>> 24);
        b[at + 1] = (byte) (value >>> 16);
        b[at + 2] = (byte) (value >>> 8);
        b[at + 3] = (byte) value;
    }

    private static int readInt(byte[] b, int at) {
        return (b[at] & 0xff) << 24 | (b[at + 1] & 0xff) << 16 | (b[at + 2] & 0xff) << 8 | (b[at + 3] & 0xff);
    }
}
