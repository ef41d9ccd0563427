package cluster.messages;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

import java.util.ArrayList;
import java.util.List;

/** Master → worker: start an executor process for an app. */
public final class LaunchExecutor extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String workerId;
    public String appId;
    public int execId;
    public int cores;
    public int memoryMb;
    /** The app's command template (placeholders not yet filled in). */
    public List<String> command = new ArrayList<>();

    public LaunchExecutor() {
    }

    public LaunchExecutor(long epoch, String workerId, String appId, int execId, int cores, int memoryMb,
            List<String> command) {
        this.epoch = epoch;
        this.workerId = workerId;
        this.appId = appId;
        this.execId = execId;
        this.cores = cores;
        this.memoryMb = memoryMb;
        this.command = new ArrayList<>(command);
    }

    // Hot on the wire: hand-written, byte-for-byte the generic BinaryLayout (BinaryLayoutProperties checks).

    @Override
    public void writeMarshallable(BytesOut<?> out) {
        BinaryFields.writeLong(out, epoch);
        BinaryFields.writeString(out, workerId);
        BinaryFields.writeString(out, appId);
        BinaryFields.writeInt(out, execId);
        BinaryFields.writeInt(out, cores);
        BinaryFields.writeInt(out, memoryMb);
        BinaryFields.writeStrings(out, command);
    }

    @Override
    public void readMarshallable(BytesIn<?> in) {
        epoch = BinaryFields.readLong(in);
        workerId = BinaryFields.readString(in);
        appId = BinaryFields.readString(in);
        execId = BinaryFields.readInt(in);
        cores = BinaryFields.readInt(in);
        memoryMb = BinaryFields.readInt(in);
        command = BinaryFields.readStrings(in);
    }
}
