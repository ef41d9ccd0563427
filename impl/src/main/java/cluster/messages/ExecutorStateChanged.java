package cluster.messages;

import net.openhft.chronicle.bytes.BytesIn;
import net.openhft.chronicle.bytes.BytesOut;

/** Worker → master: an executor changed state (retried until acknowledged). */
public final class ExecutorStateChanged extends CatalogueMarshallable implements Message {
    public String workerId;
    public String appId;
    public int execId;
    public ExecutorState state;
    public @Nullable String message;
    /** Process exit code; null while it has not exited. */
    public @Nullable Integer exitStatus;

    public ExecutorStateChanged() {
    }

    public ExecutorStateChanged(String workerId, String appId, int execId, ExecutorState state, String message,
            Integer exitStatus) {
        this.workerId = workerId;
        this.appId = appId;
        this.execId = execId;
        this.state = state;
        this.message = message;
        this.exitStatus = exitStatus;
    }

    // Hot on the wire: hand-written, byte-for-byte the generic BinaryLayout (BinaryLayoutProperties checks).

    @Override
    public void writeMarshallable(BytesOut<?> out) {
        BinaryFields.writeString(out, workerId);
        BinaryFields.writeString(out, appId);
        BinaryFields.writeInt(out, execId);
        BinaryFields.writeEnum(out, state);
        BinaryFields.writeString(out, message);
        BinaryFields.writeNullableInt(out, exitStatus);
    }

    @Override
    public void readMarshallable(BytesIn<?> in) {
        workerId = BinaryFields.readString(in);
        appId = BinaryFields.readString(in);
        execId = BinaryFields.readInt(in);
        state = BinaryFields.readEnum(in, ExecutorState.class);
        message = BinaryFields.readString(in);
        exitStatus = BinaryFields.readNullableInt(in);
    }
}
