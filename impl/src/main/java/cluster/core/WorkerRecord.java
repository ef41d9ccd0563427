package cluster.core;

import java.util.Objects;

/**
 * The persisted worker (spec {@code storeWorker[w]}: its incarnation), plus its address and size so a
 * new leader can send MasterChanged and schedule on it after failover. Deleted when the worker is removed.
 */
public record WorkerRecord(String workerId, long incarnation, String host, int port, int cores, int memoryMb)
        implements PersistedRecord {

    public WorkerRecord {
        Objects.requireNonNull(workerId, "workerId");
        if (incarnation <= 0) {
            throw new IllegalArgumentException("a persisted worker has an incarnation >= 1: " + incarnation);
        }
    }

    public static String keyOf(String workerId) {
        return "worker/" + workerId;
    }

    @Override
    public String key() {
        return keyOf(workerId);
    }
}
