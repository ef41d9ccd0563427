package cluster.messages;

/** Executor → driver: a task changed state. */
public final class StatusUpdate extends CatalogueMarshallable implements Message {
    public int execId;
    public long taskId;
    public TaskState state;
    public @Nullable String result;

    public StatusUpdate() {
    }

    public StatusUpdate(int execId, long taskId, TaskState state, String result) {
        this.execId = execId;
        this.taskId = taskId;
        this.state = state;
        this.result = result;
    }
}
