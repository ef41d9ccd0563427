package cluster.messages;

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
    protected void writeBody(BodyWriter out) {
        out.writeString(workerId);
        out.writeString(appId);
        out.writeInt(execId);
        out.writeEnum(state);
        out.writeString(message);
        out.writeNullableInt(exitStatus);
    }

    @Override
    protected void readBody(BodyReader in) {
        workerId = in.readString();
        appId = in.readString();
        execId = in.readInt();
        state = in.readEnum(ExecutorState.class);
        message = in.readString();
        exitStatus = in.readNullableInt();
    }
}
