package cluster.sim;

import cluster.coordination.CoordinationService;
import cluster.coordination.InMemoryCoordination;
import cluster.coordination.LeadershipListener;
import cluster.core.PersistedRecord;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiConsumer;

/**
 * The coordination service of a run: {@link InMemoryCoordination} (strictly increasing epochs, writes with
 * compare-and-set on the leadership lease). Each life of a master joins under its own participant name, so a
 * dead life's session can still be held (until it expires) while the restarted process waits in line.
 * Leadership news is handed to the simulator, which queues it as the master's input.
 */
final class SimCoordination {
    private final InMemoryCoordination service = new InMemoryCoordination();

    /** Joins the election; {@code news} gets (participant, ElectedLeader or RevokedLeadership input). */
    CoordinationService join(String participant, BiConsumer<String, cluster.core.Input> news) {
        CoordinationService client = service.client();
        try {
            client.start(participant, new LeadershipListener() {
                @Override
                public void elected(long epoch, List<PersistedRecord> records) {
                    news.accept(participant, new cluster.core.Input.ElectedLeader(epoch, records));
                }

                @Override
                public void revoked() {
                    news.accept(participant, new cluster.core.Input.RevokedLeadership());
                }
            }, Runnable::run);
        } catch (Exception e) {
            throw new IllegalStateException("the in-memory coordination service refused " + participant, e);
        }
        return client;
    }

    /** The participant holding leadership, or null. */
    String leader() {
        return service.leader();
    }

    long epoch() {
        return service.currentEpoch();
    }

    /** The leader's session ends (expiry, or a partition from the service); the next in line is elected. */
    void expireLeaderSession() {
        service.revokeLeader();
    }

    /** Whether the write succeeded (compare-and-set on the lease of {@code epoch}). */
    static boolean succeeded(CompletableFuture<Void> write) {
        return write.isDone() && !write.isCompletedExceptionally();
    }
}
