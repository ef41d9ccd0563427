package cluster.scheduler;

import java.util.List;

/**
 * The outcome of one scheduling pass for one app.
 *
 * @param workerCount number of workers given to the pass (the length of {@link #coresPerWorker()})
 * @param executors   executors to launch, worker by worker in the scheduler's sorted order
 *                    (free cores descending, then registration order), as Spark launches them
 */
public record AppAllocation(String appId, int workerCount, List<PlannedExecutor> executors) {
    public AppAllocation {
        executors = List.copyOf(executors);
    }

    /** Cores assigned on each worker, in the order the workers were given (Spark's assignedCores). */
    public int[] coresPerWorker() {
        int[] cores = new int[workerCount];
        for (PlannedExecutor e : executors) {
            cores[e.workerIndex()] += e.cores();
        }
        return cores;
    }

    public long totalCores() {
        long total = 0;
        for (PlannedExecutor e : executors) {
            total += e.cores();
        }
        return total;
    }
}
