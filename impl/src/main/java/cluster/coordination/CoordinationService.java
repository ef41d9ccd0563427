package cluster.coordination;

import cluster.core.PersistedRecord;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The coordination service as a master's runtime sees it (the spec's {@code zkLeader}, {@code zkEpoch},
 * {@code storeApp}, {@code storeWorker}): leader election with a strictly increasing epoch per leadership
 * term, and records written with compare-and-set on the leadership lease of that epoch.
 *
 * <p>Implementations: {@link InMemoryCoordination} (one JVM: a single master without recovery, the
 * simulator, tests); file system and ZooKeeper for real deployments.
 */
public interface CoordinationService extends AutoCloseable {

    /**
     * Joins the election as {@code masterId}. The listener is called on {@code callbacks} (the master's
     * event loop), never concurrently: {@link LeadershipListener#elected} with the new term's epoch and every
     * persisted record read under that term, then possibly {@link LeadershipListener#revoked}, and so on.
     */
    void start(String masterId, LeadershipListener listener, Executor callbacks) throws Exception;

    /**
     * Stores {@code record} only if {@code epoch} is still the current leadership term held by this master.
     * The future fails with {@link LeadershipLostException} when it is not, or with the I/O error.
     */
    CompletableFuture<Void> persist(long epoch, PersistedRecord record);

    /** Deletes the record with {@code key} under the same condition as {@link #persist}. Deleting nothing succeeds. */
    CompletableFuture<Void> unpersist(long epoch, String key);

    /** Leaves the election (giving up leadership) and releases resources. */
    @Override
    void close();
}
