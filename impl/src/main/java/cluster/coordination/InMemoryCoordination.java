package cluster.coordination;

import cluster.core.PersistedRecord;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A coordination service inside one JVM: the first master to start leads, the next in line takes over when
 * the leader closes or is {@link #revokeLeader() revoked}. Epochs count up from {@code firstEpoch}. One
 * instance is shared by every master that should take part in the same election.
 *
 * <p>Used for a single master without recovery ({@code spark.deploy.recoveryMode=NONE}: a fresh store per
 * process, epochs from the clock so a restarted master still outranks its earlier self), the simulator and tests.
 */
public final class InMemoryCoordination {

    private record Candidate(String masterId, LeadershipListener listener, Executor callbacks) {
    }

    private final Map<String, PersistedRecord> store = new LinkedHashMap<>();
    private final Deque<Candidate> line = new ArrayDeque<>();
    private long epoch;
    private Candidate leader;

    public InMemoryCoordination(long firstEpoch) {
        if (firstEpoch < 1) {
            throw new IllegalArgumentException("epochs start at 1 or above: " + firstEpoch);
        }
        this.epoch = firstEpoch - 1;
    }

    /** A fresh service whose first term is 1. */
    public InMemoryCoordination() {
        this(1);
    }

    /** The service as one master sees it. */
    public CoordinationService client() {
        return new Client();
    }

    public synchronized long currentEpoch() {
        return epoch;
    }

    public synchronized String leader() {
        return leader == null ? null : leader.masterId;
    }

    /** A copy of the store. */
    public synchronized Map<String, PersistedRecord> records() {
        return new LinkedHashMap<>(store);
    }

    /** The leader loses its session (as a ZooKeeper session expiry); the next candidate in line is elected. */
    public synchronized void revokeLeader() {
        if (leader == null) {
            return;
        }
        Candidate old = leader;
        leader = null;
        old.callbacks.execute(old.listener::revoked);
        line.addLast(old);
        electNext();
    }

    private void electNext() {
        if (leader != null || line.isEmpty()) {
            return;
        }
        leader = line.removeFirst();
        epoch += 1;
        long term = epoch;
        List<PersistedRecord> snapshot = new ArrayList<>(store.values());
        Candidate elected = leader;
        elected.callbacks.execute(() -> elected.listener.elected(term, snapshot));
    }

    private synchronized void join(Candidate candidate) {
        line.addLast(candidate);
        electNext();
    }

    private synchronized void leave(String masterId) {
        line.removeIf(c -> c.masterId.equals(masterId));
        if (leader != null && leader.masterId.equals(masterId)) {
            leader = null;
            electNext();
        }
    }

    private synchronized CompletableFuture<Void> write(String masterId, long term, String key, PersistedRecord record) {
        if (leader == null || !leader.masterId.equals(masterId) || term != epoch) {
            return CompletableFuture.failedFuture(new LeadershipLostException(
                    masterId + " does not lead term " + term + " (current term " + epoch + ", leader "
                            + (leader == null ? "none" : leader.masterId) + ")"));
        }
        if (record == null) {
            store.remove(key);
        } else {
            store.put(key, record);
        }
        return CompletableFuture.completedFuture(null);
    }

    private final class Client implements CoordinationService {
        private String masterId;

        @Override
        public void start(String id, LeadershipListener listener, Executor callbacks) {
            if (masterId != null) {
                throw new IllegalStateException("already started as " + masterId);
            }
            masterId = id;
            join(new Candidate(id, listener, callbacks));
        }

        @Override
        public CompletableFuture<Void> persist(long term, PersistedRecord record) {
            return write(masterId, term, record.key(), record);
        }

        @Override
        public CompletableFuture<Void> unpersist(long term, String key) {
            return write(masterId, term, key, null);
        }

        @Override
        public void close() {
            if (masterId != null) {
                leave(masterId);
            }
        }
    }
}
