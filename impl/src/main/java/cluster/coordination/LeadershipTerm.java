package cluster.coordination;

import cluster.core.PersistedRecord;

import java.util.List;
import java.util.concurrent.Executor;

/**
 * One master's view of its leadership terms, shared by the file-system and ZooKeeper services: it hands
 * {@code elected} / {@code revoked} / {@code failed} to the master's executor in the order they happen (each
 * call is queued under this object's lock, so a revoke can never overtake the election it ends), and it is
 * the quick local check that a write still belongs to the current term.
 */
final class LeadershipTerm {

    private final String masterId;
    private final LeadershipListener listener;
    private final Executor callbacks;
    private long epoch;
    private boolean leading;
    private boolean failed;

    LeadershipTerm(String masterId, LeadershipListener listener, Executor callbacks) {
        this.masterId = masterId;
        this.listener = listener;
        this.callbacks = callbacks;
    }

    synchronized void begin(long newEpoch, List<PersistedRecord> records) {
        if (failed) {
            return;
        }
        epoch = newEpoch;
        leading = true;
        List<PersistedRecord> snapshot = List.copyOf(records);
        callbacks.execute(() -> listener.elected(newEpoch, snapshot));
    }

    /** Ends the current term, if any; true if there was one (and {@code revoked} was queued). */
    synchronized boolean end() {
        if (!leading) {
            return false;
        }
        leading = false;
        callbacks.execute(listener::revoked);
        return true;
    }

    /** Ends any term and tells the master the service gave up; later calls queue nothing. */
    synchronized void fail(Exception cause) {
        end();
        if (!failed) {
            failed = true;
            callbacks.execute(() -> listener.failed(cause));
        }
    }

    synchronized boolean isLeading(long term) {
        return leading && epoch == term;
    }

    /** @throws LeadershipLostException unless {@code term} is the term this master currently leads */
    synchronized void require(long term) {
        if (!isLeading(term)) {
            throw lost(term, leading ? "it leads term " + epoch : "it leads no term");
        }
    }

    LeadershipLostException lost(long term, String why) {
        return new LeadershipLostException(masterId + " does not lead term " + term + ": " + why);
    }
}
