package cluster.sim;

import cluster.core.AppRecord;
import cluster.core.PersistedRecord;

import java.util.ArrayList;
import java.util.List;

/**
 * Variant {@code recovery-forgets-executor-ids} (spec mutant: a new leader restarts executor ids at 0, Spark's id
 * reuse after failover): the records a newly elected master reads have every app's executor id counter at 0.
 */
final class RecoveryForgetsExecutorIds implements ProtocolMutation {
    @Override
    public List<PersistedRecord> electedRecords(List<PersistedRecord> records) {
        List<PersistedRecord> forgotten = new ArrayList<>(records.size());
        for (PersistedRecord r : records) {
            forgotten.add(r instanceof AppRecord app ? app.withNextExecId(0) : r);
        }
        return forgotten;
    }
}
