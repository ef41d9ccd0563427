package cluster.scheduler;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A deliberately literal transcription of the allocation rules (spark-standalone.md §4.3–4.5 and the
 * round loop of the spec operator {@code Allocation}): per app, filter, stable sort, then the round loop
 * with {@code canLaunch} checked before every step. Slow and obviously right; the optimized
 * {@link Scheduler} must agree with it on every input.
 */
final class ReferenceScheduler {
    private ReferenceScheduler() {
    }

    static SchedulePlan schedule(List<WorkerSlot> workers, List<AppDemand> apps, boolean spreadOut) {
        int n = workers.size();
        long[] coresFree = new long[n];
        long[] memFree = new long[n];
        for (int w = 0; w < n; w++) {
            coresFree[w] = workers.get(w).coresFree();
            memFree[w] = workers.get(w).memoryFreeMb();
        }
        List<AppAllocation> result = new ArrayList<>();
        for (AppDemand app : apps) {
            List<PlannedExecutor> executors = new ArrayList<>();
            result.add(new AppAllocation(app.appId(), n, executors));
            long minCpe = app.coresPerExecutor().orElse(1);
            boolean onePerWorker = app.coresPerExecutor().isEmpty();
            long mem = app.memoryPerExecutorMb();
            if (app.coresLeft() < minCpe) {
                continue;
            }
            List<Integer> usable = new ArrayList<>();
            for (int w = 0; w < n; w++) {
                if (workers.get(w).alive() && memFree[w] >= mem && coresFree[w] >= minCpe) {
                    usable.add(w);
                }
            }
            usable.sort(Comparator.comparingLong((Integer w) -> coresFree[w]).reversed()); // stable
            int u = usable.size();
            long[] free = new long[u];
            long[] mfree = new long[u];
            long sumFree = 0;
            for (int i = 0; i < u; i++) {
                free[i] = coresFree[usable.get(i)];
                mfree[i] = memFree[usable.get(i)];
                sumFree += free[i];
            }
            long[] assignedCores = new long[u];
            long[] assignedExecs = new long[u];
            long[] toAssign = {Math.min(app.coresLeft(), sumFree)};
            CanLaunch canLaunch = i -> {
                long totalExecs = 0;
                for (long e : assignedExecs) {
                    totalExecs += e;
                }
                boolean enoughCores = toAssign[0] >= minCpe && free[i] - assignedCores[i] >= minCpe;
                boolean newExecutor = !onePerWorker || assignedExecs[i] == 0;
                if (!newExecutor) {
                    return enoughCores;
                }
                return enoughCores && mfree[i] - assignedExecs[i] * mem >= mem
                        && totalExecs + app.currentExecutors() < app.executorLimit();
            };
            List<Integer> freeWorkers = new ArrayList<>();
            for (int i = 0; i < u; i++) {
                if (canLaunch.test(i)) {
                    freeWorkers.add(i);
                }
            }
            while (!freeWorkers.isEmpty()) {
                for (int i : freeWorkers) {
                    while (canLaunch.test(i)) {
                        toAssign[0] -= minCpe;
                        assignedCores[i] += minCpe;
                        assignedExecs[i] = onePerWorker ? 1 : assignedExecs[i] + 1;
                        if (spreadOut) {
                            break;
                        }
                    }
                }
                List<Integer> still = new ArrayList<>();
                for (int i : freeWorkers) {
                    if (canLaunch.test(i)) {
                        still.add(i);
                    }
                }
                freeWorkers = still;
            }
            for (int i = 0; i < u; i++) {
                if (assignedCores[i] == 0) {
                    continue;
                }
                int w = usable.get(i);
                long count = onePerWorker ? 1 : assignedCores[i] / minCpe;
                for (long k = 0; k < count; k++) {
                    executors.add(new PlannedExecutor(app.appId(), w, workers.get(w).workerId(),
                            (int) (assignedCores[i] / count), (int) mem));
                }
                coresFree[w] -= assignedCores[i];
                memFree[w] -= count * mem;
            }
            result.set(result.size() - 1, new AppAllocation(app.appId(), n, executors));
        }
        return new SchedulePlan(result);
    }

    private interface CanLaunch {
        boolean test(int i);
    }
}
