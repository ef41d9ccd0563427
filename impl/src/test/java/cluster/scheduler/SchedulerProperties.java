package cluster.scheduler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of one scheduling pass, and agreement with the literal transcription {@link ReferenceScheduler}. */
class SchedulerProperties {

    @Provide
    Arbitrary<List<WorkerSlot>> workers() {
        return SchedulerInputs.workers(8, 16);
    }

    @Provide
    Arbitrary<List<AppDemand>> apps() {
        return SchedulerInputs.apps(5, 40);
    }

    @Provide
    Arbitrary<AppDemand> app() {
        return SchedulerInputs.app(40);
    }

    @Provide
    Arbitrary<List<WorkerSlot>> manyWorkers() {
        return SchedulerInputs.workers(60, 64);
    }

    @Provide
    Arbitrary<List<AppDemand>> manyApps() {
        return SchedulerInputs.apps(20, 300);
    }

    @Property
    void agreesWithTheLiteralRoundLoop(@ForAll("workers") List<WorkerSlot> workers,
                                       @ForAll("apps") List<AppDemand> apps, @ForAll boolean spreadOut) {
        assertEquals(ReferenceScheduler.schedule(workers, apps, spreadOut), Scheduler.schedule(workers, apps, spreadOut));
    }

    @Property(tries = 200)
    void agreesWithTheLiteralRoundLoopOnLargerClusters(@ForAll("manyWorkers") List<WorkerSlot> workers,
                                                       @ForAll("manyApps") List<AppDemand> apps,
                                                       @ForAll boolean spreadOut) {
        assertEquals(ReferenceScheduler.schedule(workers, apps, spreadOut), Scheduler.schedule(workers, apps, spreadOut));
    }

    @Property
    void neverExceedsAWorkersFreeCoresOrMemory(@ForAll("workers") List<WorkerSlot> workers,
                                               @ForAll("apps") List<AppDemand> apps, @ForAll boolean spreadOut) {
        SchedulePlan plan = Scheduler.schedule(workers, apps, spreadOut);
        long[] cores = new long[workers.size()];
        long[] memory = new long[workers.size()];
        for (PlannedExecutor e : plan.executors()) {
            assertTrue(workers.get(e.workerIndex()).alive(), "executor on a dead worker");
            assertEquals(workers.get(e.workerIndex()).workerId(), e.workerId());
            cores[e.workerIndex()] += e.cores();
            memory[e.workerIndex()] += e.memoryMb();
        }
        for (int w = 0; w < workers.size(); w++) {
            if (cores[w] > 0) {
                assertTrue(cores[w] <= workers.get(w).coresFree(), "cores over worker " + w);
                assertTrue(memory[w] <= workers.get(w).memoryFreeMb(), "memory over worker " + w);
            }
        }
    }

    @Property
    void neverExceedsCoresLeftOrTheExecutorLimit(@ForAll("workers") List<WorkerSlot> workers,
                                                 @ForAll("apps") List<AppDemand> apps, @ForAll boolean spreadOut) {
        SchedulePlan plan = Scheduler.schedule(workers, apps, spreadOut);
        for (int a = 0; a < apps.size(); a++) {
            AppDemand app = apps.get(a);
            AppAllocation got = plan.apps().get(a);
            assertEquals(app.appId(), got.appId());
            if (!got.executors().isEmpty()) {
                assertTrue(got.totalCores() <= app.coresLeft(), "over coresLeft");
                assertTrue((long) app.currentExecutors() + got.executors().size() <= app.executorLimit(),
                        "over the executor limit");
            }
        }
    }

    @Property
    void executorsHaveTheAppsShape(@ForAll("workers") List<WorkerSlot> workers,
                                   @ForAll("apps") List<AppDemand> apps, @ForAll boolean spreadOut) {
        SchedulePlan plan = Scheduler.schedule(workers, apps, spreadOut);
        for (int a = 0; a < apps.size(); a++) {
            AppDemand app = apps.get(a);
            List<PlannedExecutor> executors = plan.apps().get(a).executors();
            for (PlannedExecutor e : executors) {
                assertEquals(app.appId(), e.appId());
                assertEquals(app.memoryPerExecutorMb(), e.memoryMb());
                if (app.coresPerExecutor().isPresent()) {
                    assertEquals(app.coresPerExecutor().getAsInt(), e.cores());
                } else {
                    assertTrue(e.cores() > 0);
                }
            }
            if (app.oneExecutorPerWorker()) {
                assertEquals(executors.size(), executors.stream().mapToInt(PlannedExecutor::workerIndex).distinct().count(),
                        "one executor per worker when cores per executor is unset");
            }
        }
    }

    /**
     * Spread out, one app, no executor limit in the way: round robin means a worker that still had room for
     * a step cannot be more than one step behind any other usable worker. (With cores per executor unset a
     * binding executor limit excludes whole workers in round one, so it is left out; with it set the limit
     * is just a smaller budget and the statement still holds.)
     */
    @Property
    void spreadOutKeepsWorkersWithinOneStep(@ForAll("workers") List<WorkerSlot> workers, @ForAll("app") AppDemand app) {
        if (app.oneExecutorPerWorker() && app.executorLimit() != AppDemand.UNLIMITED) {
            app = app.withExecutorLimit(AppDemand.UNLIMITED);
        }
        int[] assigned = Scheduler.schedule(workers, List.of(app), true).apps().get(0).coresPerWorker();
        List<Integer> usable = usableInSortedOrder(workers, app);
        for (int i : usable) {
            if (!hasRoomForAnotherStep(workers.get(i), app, assigned[i])) {
                continue;
            }
            for (int j : usable) {
                assertTrue(assigned[j] <= assigned[i] + app.minCoresPerExecutor(),
                        "worker " + j + " is more than a step ahead of worker " + i + ", which had room");
            }
        }
    }

    /** Consolidate, one app: a worker gets cores only if every usable worker before it in sorted order is full. */
    @Property
    void consolidateFillsWorkersInOrder(@ForAll("workers") List<WorkerSlot> workers, @ForAll("app") AppDemand app) {
        int[] assigned = Scheduler.schedule(workers, List.of(app), false).apps().get(0).coresPerWorker();
        List<Integer> usable = usableInSortedOrder(workers, app);
        for (int k = 0; k < usable.size(); k++) {
            if (assigned[usable.get(k)] == 0) {
                continue;
            }
            for (int before = 0; before < k; before++) {
                int i = usable.get(before);
                assertFalse(hasRoomForAnotherStep(workers.get(i), app, assigned[i]),
                        "worker " + i + " left room but worker " + usable.get(k) + " after it got cores");
            }
        }
        // Nothing at all is assigned outside the usable workers.
        for (int w = 0; w < workers.size(); w++) {
            if (!usable.contains(w)) {
                assertEquals(0, assigned[w], "cores on unusable worker " + w);
            }
        }
    }

    private static List<Integer> usableInSortedOrder(List<WorkerSlot> workers, AppDemand app) {
        List<Integer> usable = new ArrayList<>();
        for (int w = 0; w < workers.size(); w++) {
            WorkerSlot s = workers.get(w);
            if (s.alive() && s.memoryFreeMb() >= app.memoryPerExecutorMb() && s.coresFree() >= app.minCoresPerExecutor()) {
                usable.add(w);
            }
        }
        usable.sort(Comparator.comparingInt((Integer w) -> workers.get(w).coresFree()).reversed());
        return usable;
    }

    /** The worker-local half of canLaunch: its own cores, and memory when the step starts a new executor. */
    private static boolean hasRoomForAnotherStep(WorkerSlot worker, AppDemand app, int assignedCores) {
        int step = app.minCoresPerExecutor();
        long executors = app.oneExecutorPerWorker() ? (assignedCores > 0 ? 1 : 0) : assignedCores / step;
        boolean newExecutor = !app.oneExecutorPerWorker() || executors == 0;
        boolean cores = worker.coresFree() - assignedCores >= step;
        boolean memory = (long) worker.memoryFreeMb() - executors * app.memoryPerExecutorMb() >= app.memoryPerExecutorMb();
        return cores && (!newExecutor || memory);
    }
}
