package cluster.coordination;

import cluster.core.PersistedRecord;

import java.util.List;

/** What the coordination service tells a master; called on the master's event loop. */
public interface LeadershipListener {

    /** This master leads the term {@code epoch} (larger than every earlier term's); {@code records} is the store. */
    void elected(long epoch, List<PersistedRecord> records);

    /** This master no longer leads (session lost, lease gone, or the service closed). */
    void revoked();

    /**
     * The service cannot go on for this master: the store holds a record it cannot read
     * ({@link CorruptRecordException} names the key), or the store failed. The service has left the election
     * (so another master may try) and calls nothing more. Leading with records silently dropped would forget
     * apps and workers, so the master should stop, with the message, for a person to look at the store.
     */
    default void failed(Exception cause) {
    }
}
