package cluster.coordination;

import cluster.core.PersistedRecord;

import java.util.List;

/** What the coordination service tells a master; called on the master's event loop. */
public interface LeadershipListener {

    /** This master leads the term {@code epoch} (larger than every earlier term's); {@code records} is the store. */
    void elected(long epoch, List<PersistedRecord> records);

    /** This master no longer leads (session lost, lease gone, or the service closed). */
    void revoked();
}
