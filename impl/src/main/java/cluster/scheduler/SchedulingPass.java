package cluster.scheduler;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * One run of {@link Scheduler#schedule}: the free resources as earlier apps of the pass left them, plus
 * scratch arrays reused from app to app.
 *
 * <p>Why closed form gives the same answer as the round loop of the spec (Spark's scheduleExecutorsOnWorkers):
 * <ul>
 *   <li>{@code canLaunch(i)} only ever turns from true to false within an app: the budget {@code toAssign}
 *       shrinks, worker i's own assignment grows, the executor count grows. So a worker that misses a
 *       round never comes back, and consolidate is a single in-order pass.</li>
 *   <li>Each worker can take {@code capacity} steps on its own (free cores, and for fixed-size executors
 *       free memory); the app-wide limits are a step budget ({@code coresLeft / minCpe}, plus the executor
 *       limit when every step is a new executor) and, with cores per executor unset, the executor limit
 *       caps how many workers get their first step, which happens in round one in sorted order.</li>
 *   <li>Spread out is then water filling: every picked worker gets {@code min(capacity, R)} steps for the
 *       largest full round R the budget affords, and the leftover steps go one each to the first workers
 *       (in sorted order) that still had room, exactly like the unfinished last round.</li>
 *   <li>{@code toAssign = min(coresLeft, Σ usable coresFree)}: the Σ never binds, because a worker with room
 *       for a step implies Σ − assigned ≥ that room ≥ minCpe. So the budget is {@code coresLeft} alone and
 *       an app never has to look at more workers than it will use.</li>
 * </ul>
 * Cost per app: the workers it walks (those it gets, plus usable-by-cores workers lacking memory) times a
 * small factor; workers that no later app could use are dropped from the index.
 */
final class SchedulingPass {
    private final List<WorkerSlot> workers;
    private final List<AppDemand> apps;
    private final boolean spreadOut;
    private final int[] coresFree;
    private final int[] memoryFree;
    private final WorkerOrder order = new WorkerOrder();
    /** The smallest step / executor memory of any app at index ≥ a that can launch at all. */
    private final int[] minStepFrom;
    private final int[] minMemoryFrom;
    /** Scratch for the current app: picked workers in sorted order, their capacity and granted steps. */
    private final int[] picked;
    private final int[] capacity;
    private final int[] steps;
    private final int[] forgotten;

    SchedulingPass(List<WorkerSlot> workers, List<AppDemand> apps, boolean spreadOut) {
        this.workers = List.copyOf(workers);
        this.apps = List.copyOf(apps);
        this.spreadOut = spreadOut;
        int n = this.workers.size();
        coresFree = new int[n];
        memoryFree = new int[n];
        picked = new int[n];
        capacity = new int[n];
        steps = new int[n];
        forgotten = new int[n];
        minStepFrom = new int[this.apps.size() + 1];
        minMemoryFrom = new int[this.apps.size() + 1];
        minStepFrom[this.apps.size()] = Integer.MAX_VALUE;
        minMemoryFrom[this.apps.size()] = Integer.MAX_VALUE;
        for (int a = this.apps.size() - 1; a >= 0; a--) {
            AppDemand app = this.apps.get(a);
            boolean active = canLaunchAny(app);
            minStepFrom[a] = active ? Math.min(minStepFrom[a + 1], app.minCoresPerExecutor()) : minStepFrom[a + 1];
            minMemoryFrom[a] = active ? Math.min(minMemoryFrom[a + 1], app.memoryPerExecutorMb()) : minMemoryFrom[a + 1];
        }
        for (int w = 0; w < n; w++) {
            WorkerSlot slot = this.workers.get(w);
            coresFree[w] = slot.coresFree();
            memoryFree[w] = slot.memoryFreeMb();
            if (slot.alive() && usefulFrom(w, 0)) {
                order.add(w, coresFree[w]);
            }
        }
    }

    SchedulePlan run() {
        List<AppAllocation> result = new ArrayList<>(apps.size());
        for (int a = 0; a < apps.size(); a++) {
            result.add(allocate(a));
        }
        return new SchedulePlan(result);
    }

    /** Spark's "skip if coresLeft < minCpe"; also an app at its executor limit cannot start a first executor. */
    private static boolean canLaunchAny(AppDemand app) {
        return app.coresLeft() >= app.minCoresPerExecutor() && executorsBelowLimit(app) > 0;
    }

    private static long executorsBelowLimit(AppDemand app) {
        return (long) app.executorLimit() - app.currentExecutors();
    }

    /** Could some app at index ≥ a still use worker w? If not, it leaves the index for the rest of the pass. */
    private boolean usefulFrom(int w, int a) {
        return coresFree[w] >= minStepFrom[a] && memoryFree[w] >= minMemoryFrom[a];
    }

    private AppAllocation allocate(int a) {
        AppDemand app = apps.get(a);
        if (!canLaunchAny(app)) {
            return new AppAllocation(app.appId(), workers.size(), List.of());
        }
        boolean onePerWorker = app.oneExecutorPerWorker();
        long affordableSteps = app.coresLeft() / app.minCoresPerExecutor();
        long newExecutors = executorsBelowLimit(app);
        // Every step of a fixed-size executor is a new executor; with one executor per worker only the
        // first step on each worker is, so the limit bounds the number of workers instead.
        long stepBudget = onePerWorker ? affordableSteps : Math.min(affordableSteps, newExecutors);
        long maxWorkers = onePerWorker ? newExecutors : Long.MAX_VALUE;
        int m = pickUsable(a, stepBudget, maxWorkers);
        if (spreadOut) {
            waterFill(m, stepBudget);
        } else {
            firstFit(m, stepBudget);
        }
        return emit(a, m);
    }

    /**
     * Walks the usable workers in sorted order and keeps, in {@code picked}/{@code capacity}, the prefix
     * that can get anything: spread out hands one step to each worker in round one, so at most
     * {@code stepBudget} workers; consolidate stops once the picked capacity covers the budget.
     */
    private int pickUsable(int a, long stepBudget, long maxWorkers) {
        AppDemand app = apps.get(a);
        int step = app.minCoresPerExecutor();
        int memory = app.memoryPerExecutorMb();
        int m = 0;
        int forgottenCount = 0;
        long pickedCapacity = 0;
        walk:
        for (BitSet bucket : order.withAtLeast(step)) {
            for (int w = bucket.nextSetBit(0); w >= 0; w = bucket.nextSetBit(w + 1)) {
                if (memoryFree[w] < memory) {
                    if (!usefulFrom(w, a + 1)) {
                        forgotten[forgottenCount++] = w;
                    }
                    continue;
                }
                picked[m] = w;
                capacity[m] = capacity(w, app);
                pickedCapacity += capacity[m];
                m++;
                if (m >= maxWorkers || (spreadOut ? m >= stepBudget : pickedCapacity >= stepBudget)) {
                    break walk;
                }
            }
        }
        for (int i = 0; i < forgottenCount; i++) {
            order.remove(forgotten[i], coresFree[forgotten[i]]);
        }
        return m;
    }

    /** Steps worker w could take for this app on its own, ignoring the app-wide budget and limit. */
    private int capacity(int w, AppDemand app) {
        if (app.oneExecutorPerWorker()) {
            return coresFree[w]; // one-core steps; memory was checked for the single executor only
        }
        int byCores = coresFree[w] / app.minCoresPerExecutor();
        int memory = app.memoryPerExecutorMb();
        return memory == 0 ? byCores : Math.min(byCores, memoryFree[w] / memory);
    }

    /** Consolidate: each worker in turn takes all it can. */
    private void firstFit(int m, long stepBudget) {
        long remaining = stepBudget;
        for (int i = 0; i < m; i++) {
            steps[i] = (int) Math.min(capacity[i], remaining);
            remaining -= steps[i];
        }
    }

    /** Spread out: the outcome of round-robin rounds of one step per worker, in closed form. */
    private void waterFill(int m, long stepBudget) {
        long total = 0;
        int maxCapacity = 0;
        for (int i = 0; i < m; i++) {
            total += capacity[i];
            maxCapacity = Math.max(maxCapacity, capacity[i]);
        }
        if (total <= stepBudget) {
            System.arraycopy(capacity, 0, steps, 0, m);
            return;
        }
        // Largest number of full rounds the budget affords: filled(lo) <= budget < filled(hi).
        // m <= stepBudget (at most one worker per step in round one), so one round always fits.
        int lo = 1;
        int hi = maxCapacity;
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (filled(m, mid) <= stepBudget) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        long leftover = stepBudget - filled(m, lo);
        for (int i = 0; i < m; i++) {
            steps[i] = Math.min(capacity[i], lo);
            if (capacity[i] > lo && leftover > 0) { // the unfinished round, in sorted order
                steps[i]++;
                leftover--;
            }
        }
    }

    private long filled(int m, int rounds) {
        long sum = 0;
        for (int i = 0; i < m; i++) {
            sum += Math.min(capacity[i], rounds);
        }
        return sum;
    }

    /** Spark's allocateWorkerResourceToExecutors, worker by worker in sorted order; updates free resources. */
    private AppAllocation emit(int a, int m) {
        AppDemand app = apps.get(a);
        int step = app.minCoresPerExecutor();
        int memory = app.memoryPerExecutorMb();
        List<PlannedExecutor> executors = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            int w = picked[i];
            if (steps[i] == 0) {
                continue;
            }
            int cores = steps[i] * step;
            int count = app.oneExecutorPerWorker() ? 1 : steps[i];
            int coresEach = cores / count;
            String workerId = workers.get(w).workerId();
            for (int k = 0; k < count; k++) {
                executors.add(new PlannedExecutor(app.appId(), w, workerId, coresEach, memory));
            }
            order.remove(w, coresFree[w]);
            coresFree[w] -= cores;
            memoryFree[w] -= count * memory;
            if (usefulFrom(w, a + 1)) {
                order.add(w, coresFree[w]);
            }
        }
        return new AppAllocation(app.appId(), workers.size(), executors);
    }
}
