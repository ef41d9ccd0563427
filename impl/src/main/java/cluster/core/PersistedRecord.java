package cluster.core;

/**
 * A record the leader master keeps in the coordination service (the spec's {@code storeApp} and
 * {@code storeWorker}). Writes are compare-and-set on the leadership lease ({@link Effect.Persist}).
 */
public sealed interface PersistedRecord permits AppRecord, WorkerRecord {
    /** The storage key, unique over all records: {@code app/<appId>} or {@code worker/<workerId>}. */
    String key();
}
