package cluster.messages;

import java.util.ArrayList;
import java.util.List;

/** Master → worker: start an executor process for an app. */
public final class LaunchExecutor extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String workerId;
    /** The worker incarnation the master booked the executor on; another incarnation ignores the command. */
    public long incarnation;
    public String appId;
    public int execId;
    public int cores;
    public int memoryMb;
    /** The app's command template (placeholders not yet filled in). */
    public List<String> command = new ArrayList<>();

    public LaunchExecutor() {
    }

    /** A command without an incarnation (0), for tools and tests that do not model incarnations. */
    public LaunchExecutor(long epoch, String workerId, String appId, int execId, int cores, int memoryMb,
            List<String> command) {
        this(epoch, workerId, 0, appId, execId, cores, memoryMb, command);
    }

    public LaunchExecutor(long epoch, String workerId, long incarnation, String appId, int execId, int cores,
            int memoryMb, List<String> command) {
        this.epoch = epoch;
        this.workerId = workerId;
        this.incarnation = incarnation;
        this.appId = appId;
        this.execId = execId;
        this.cores = cores;
        this.memoryMb = memoryMb;
        this.command = new ArrayList<>(command);
    }

    // Hot on the wire: hand-written, byte-for-byte the generic BinaryLayout (BinaryLayoutProperties checks).

    @Override
    protected void writeBody(BodyWriter out) {
        out.writeLong(epoch);
        out.writeString(workerId);
        out.writeLong(incarnation);
        out.writeString(appId);
        out.writeInt(execId);
        out.writeInt(cores);
        out.writeInt(memoryMb);
        out.writeStrings(command);
    }

    @Override
    protected void readBody(BodyReader in) {
        epoch = in.readLong();
        workerId = in.readString();
        incarnation = in.readLong();
        appId = in.readString();
        execId = in.readInt();
        cores = in.readInt();
        memoryMb = in.readInt();
        command = in.readStrings();
    }
}
