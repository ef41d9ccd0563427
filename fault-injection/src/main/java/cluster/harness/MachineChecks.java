package cluster.harness;

import cluster.messages.MasterStateResponse;
import cluster.messages.RecoveryState;
import cluster.messages.WorkerSummary;
import cluster.sim.Violation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Safety against the machines' real size, which the harness knows (it started the workers) and a master knows only
 * from what a worker announced: {@code BooksWithinWorkerCapacity} (a master's books for a worker within the
 * machine's cores and memory) and {@code WorkerCapacityRespected} (the executor processes on a machine, their cores
 * and heaps read from their command lines, within its size).
 *
 * <p>An executor killed on command may still be exiting (SIGTERM, a grace of 2 s, SIGKILL) when its worker, which
 * freed its resources at the kill, starts the next one; so a machine counts as overcommitted only when the same
 * executor processes overcommit it in samples at least {@value #PERSIST_MS} ms apart.
 */
final class MachineChecks {

    static final long PERSIST_MS = 3_000;

    private final int cores;
    private final int memoryMb;
    /** Per worker: the executor processes that overcommitted it first, and when. */
    private final Map<String, Over> over = new HashMap<>();

    private record Over(Set<String> executors, long sinceMs) {
    }

    MachineChecks(int cores, int memoryMb) {
        this.cores = cores;
        this.memoryMb = memoryMb;
    }

    Violation check(long atMs, Map<String, MasterStateResponse> statuses,
            List<ProcessCluster.ExecutorProcess> executors) {
        for (MasterStateResponse m : statuses.values()) {
            if (m.status == RecoveryState.STANDBY) {
                continue;
            }
            for (WorkerSummary w : m.workers) {
                if (w.coresUsed > cores || w.memoryUsedMb > memoryMb) {
                    return new Violation(Violation.Kind.SAFETY, "BooksWithinWorkerCapacity", m.masterId + " books "
                            + w.coresUsed + " cores and " + w.memoryUsedMb + " MB on " + w.workerId + ", a machine of "
                            + cores + " cores and " + memoryMb + " MB", 0, atMs);
                }
            }
        }
        Map<String, int[]> load = new HashMap<>();
        Map<String, Set<String>> running = new HashMap<>();
        for (ProcessCluster.ExecutorProcess e : executors) {
            int[] l = load.computeIfAbsent(e.workerId(), w -> new int[2]);
            l[0] += e.cores();
            l[1] += e.heapMb();
            running.computeIfAbsent(e.workerId(), w -> new TreeSet<>()).add(e.key());
        }
        over.keySet().retainAll(load.keySet());
        for (Map.Entry<String, int[]> e : load.entrySet()) {
            String worker = e.getKey();
            int[] l = e.getValue();
            if (l[0] <= cores && l[1] <= memoryMb) {
                over.remove(worker);
                continue;
            }
            Over before = over.get(worker);
            if (before == null || !running.get(worker).containsAll(before.executors)) {
                over.put(worker, new Over(running.get(worker), atMs));
            } else if (atMs - before.sinceMs >= PERSIST_MS) {
                return new Violation(Violation.Kind.SAFETY, "WorkerCapacityRespected", "executors " + before.executors
                        + " on " + worker + " use " + l[0] + " cores and " + l[1] + " MB of heap since t = "
                        + before.sinceMs + " ms, a machine of " + cores + " cores and " + memoryMb + " MB", 0, atMs);
            }
        }
        return null;
    }
}
