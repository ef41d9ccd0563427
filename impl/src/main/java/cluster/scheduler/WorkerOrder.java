package cluster.scheduler;

import java.util.BitSet;
import java.util.Collection;
import java.util.TreeMap;

/**
 * The workers a scheduling pass may still use, kept in the order Spark sorts usable workers in:
 * free cores descending, ties by registration order (the 4.0 CORES_FREE_DESC policy with a stable
 * tie-break). Keeping one index for the whole pass replaces Spark's per-app filter-and-sort over every
 * worker: an app walks only the prefix it needs, and only the workers it was given change place.
 *
 * <p>Workers with the same number of free cores share a bucket; a bucket is a bit set of worker
 * indices, so iterating it yields registration order.
 */
final class WorkerOrder {
    private final TreeMap<Integer, BitSet> byCoresFree = new TreeMap<>();

    void add(int worker, int coresFree) {
        byCoresFree.computeIfAbsent(coresFree, k -> new BitSet()).set(worker);
    }

    void remove(int worker, int coresFree) {
        BitSet bucket = byCoresFree.get(coresFree);
        bucket.clear(worker);
        if (bucket.isEmpty()) {
            byCoresFree.remove(coresFree);
        }
    }

    /** Buckets of workers with at least {@code minCoresFree} free cores, most free cores first. */
    Collection<BitSet> withAtLeast(int minCoresFree) {
        return byCoresFree.tailMap(minCoresFree, true).descendingMap().values();
    }
}
