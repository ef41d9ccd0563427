package cluster.messages;

/** Driver → executor: run a task. */
public final class LaunchTask extends CatalogueMarshallable implements Message {
    public long taskId;
    /** Opaque task description (text, so it survives the JSON codec unchanged). */
    public String payload;

    public LaunchTask() {
    }

    public LaunchTask(long taskId, String payload) {
        this.taskId = taskId;
        this.payload = payload;
    }
}
