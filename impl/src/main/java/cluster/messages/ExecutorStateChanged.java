package cluster.messages;

/**
 * Worker → master: an executor changed state (retried until acknowledged). Spec message
 * {@code ExecutorStateChanged}: {@code worker}, {@code inc}, {@code app}, {@code id}, {@code state},
 * {@code driverGone}; the spec's {@code normal} is {@code state != FAILED} (a refused launch and an
 * exit with a non-zero code are both FAILED).
 */
public final class ExecutorStateChanged extends CatalogueMarshallable implements Message {
    public String workerId;
    /** Incarnation of the worker process that reports; the master ignores reports of an incarnation it does not hold. */
    public long incarnation;
    public String appId;
    public int execId;
    public ExecutorState state;
    public @Nullable String message;
    /** Process exit code; null while it has not exited. */
    public @Nullable Integer exitStatus;
    /** The executor exited because its driver is gone: the master ends the app instead of replacing it. */
    public boolean driverGone;

    public ExecutorStateChanged() {
    }

    /** A report without an incarnation (0) and not driver-gone, for tools and tests that do not model them. */
    public ExecutorStateChanged(String workerId, String appId, int execId, ExecutorState state, String message,
            Integer exitStatus) {
        this(workerId, 0, appId, execId, state, message, exitStatus, false);
    }

    public ExecutorStateChanged(String workerId, long incarnation, String appId, int execId, ExecutorState state,
            String message, Integer exitStatus, boolean driverGone) {
        this.workerId = workerId;
        this.incarnation = incarnation;
        this.appId = appId;
        this.execId = execId;
        this.state = state;
        this.message = message;
        this.exitStatus = exitStatus;
        this.driverGone = driverGone;
    }

    /** The spec's {@code normal} flag: only a FAILED executor ended abnormally (it counts against the retry budget). */
    public boolean normal() {
        return state != ExecutorState.FAILED;
    }

    // Hot on the wire: hand-written, byte-for-byte the generic BinaryLayout (BinaryLayoutProperties checks).

    @Override
    protected void writeBody(BodyWriter out) {
        out.writeString(workerId);
        out.writeLong(incarnation);
        out.writeString(appId);
        out.writeInt(execId);
        out.writeEnum(state);
        out.writeString(message);
        out.writeNullableInt(exitStatus);
        out.writeBoolean(driverGone);
    }

    @Override
    protected void readBody(BodyReader in) {
        workerId = in.readString();
        incarnation = in.readLong();
        appId = in.readString();
        execId = in.readInt();
        state = in.readEnum(ExecutorState.class);
        message = in.readString();
        exitStatus = in.readNullableInt();
        driverGone = in.readBoolean();
    }
}
