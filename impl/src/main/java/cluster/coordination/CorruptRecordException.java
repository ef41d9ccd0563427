package cluster.coordination;

/** A stored record (or the stored epoch) that cannot be read back; the message names its key and what is wrong. */
public final class CorruptRecordException extends RuntimeException {
    private final String key;
    private final String problem;

    public CorruptRecordException(String key, String problem) {
        this(key, problem, null);
    }

    public CorruptRecordException(String key, String problem, Throwable cause) {
        super("corrupt record '" + key + "': " + problem, cause);
        this.key = key;
        this.problem = problem;
    }

    /** The key (or the epoch's location) of the unreadable record. */
    public String key() {
        return key;
    }

    /** What is wrong, without the key. */
    public String problem() {
        return problem;
    }
}
