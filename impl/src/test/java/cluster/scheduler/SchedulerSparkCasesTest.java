package cluster.scheduler;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The expectations of Spark's MasterSuite scheduling tests (three workers of 10 cores and 4096 MB, each
 * app scheduled on its own against the untouched workers, as MasterSuite calls scheduleExecutorsOnWorkers),
 * plus cases for the rules MasterSuite does not pin down.
 */
class SchedulerSparkCasesTest {
    private static final List<WorkerSlot> THREE_WORKERS = List.of(
            WorkerSlot.alive("w0", 10, 4096), WorkerSlot.alive("w1", 10, 4096), WorkerSlot.alive("w2", 10, 4096));

    private static int[] cores(AppDemand app, boolean spreadOut) {
        return Scheduler.schedule(THREE_WORKERS, List.of(app), spreadOut).apps().get(0).coresPerWorker();
    }

    private static int[] expect(boolean spreadOut, int[] whenSpreadOut, int[] whenConsolidated) {
        return spreadOut ? whenSpreadOut : whenConsolidated;
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void basicScheduling(boolean spreadOut) {
        assertArrayEquals(new int[] {10, 10, 10}, cores(AppDemand.of("a", 1024), spreadOut));
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void basicSchedulingWithMoreMemory(boolean spreadOut) {
        // One executor per worker, so 3072 MB fits once and that executor takes all 10 cores.
        assertArrayEquals(new int[] {10, 10, 10}, cores(AppDemand.of("a", 3072), spreadOut));
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void schedulingWithMaxCores(boolean spreadOut) {
        assertArrayEquals(expect(spreadOut, new int[] {3, 3, 2}, new int[] {8, 0, 0}),
                cores(AppDemand.of("a", 1024).withCoresLeft(8), spreadOut));
        assertArrayEquals(expect(spreadOut, new int[] {6, 5, 5}, new int[] {10, 6, 0}),
                cores(AppDemand.of("a", 1024).withCoresLeft(16), spreadOut));
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void schedulingWithCoresPerExecutor(boolean spreadOut) {
        // 4096 MB / 1024 MB = 4 executors of 2 cores per worker: memory is the limit.
        assertArrayEquals(new int[] {8, 8, 8}, cores(AppDemand.of("a", 1024).withCoresPerExecutor(2), spreadOut));
        assertArrayEquals(new int[] {10, 10, 10}, cores(AppDemand.of("a", 256).withCoresPerExecutor(2), spreadOut));
        assertArrayEquals(new int[] {9, 9, 9}, cores(AppDemand.of("a", 256).withCoresPerExecutor(3), spreadOut));
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void schedulingWithCoresPerExecutorAndMaxCores(boolean spreadOut) {
        AppDemand twoCores = AppDemand.of("a", 256).withCoresPerExecutor(2);
        AppDemand threeCores = AppDemand.of("a", 256).withCoresPerExecutor(3);
        assertArrayEquals(expect(spreadOut, new int[] {2, 2, 0}, new int[] {4, 0, 0}),
                cores(twoCores.withCoresLeft(4), spreadOut));
        assertArrayEquals(expect(spreadOut, new int[] {8, 6, 6}, new int[] {10, 10, 0}),
                cores(twoCores.withCoresLeft(20), spreadOut));
        assertArrayEquals(expect(spreadOut, new int[] {6, 6, 6}, new int[] {9, 9, 0}),
                cores(threeCores.withCoresLeft(20), spreadOut));
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void schedulingWithExecutorLimit(boolean spreadOut) {
        AppDemand app = AppDemand.of("a", 256);
        assertArrayEquals(new int[] {0, 0, 0}, cores(app.withExecutorLimit(0), spreadOut));
        assertArrayEquals(new int[] {10, 10, 0}, cores(app.withExecutorLimit(2), spreadOut));
        assertArrayEquals(new int[] {10, 10, 10}, cores(app.withExecutorLimit(5), spreadOut));
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void schedulingWithExecutorLimitAndMaxCores(boolean spreadOut) {
        AppDemand app = AppDemand.of("a", 256).withCoresLeft(16);
        assertArrayEquals(new int[] {0, 0, 0}, cores(app.withExecutorLimit(0), spreadOut));
        // Growing an executor already planned on a worker does not count against the limit.
        assertArrayEquals(expect(spreadOut, new int[] {8, 8, 0}, new int[] {10, 6, 0}),
                cores(app.withExecutorLimit(2), spreadOut));
        assertArrayEquals(expect(spreadOut, new int[] {6, 5, 5}, new int[] {10, 6, 0}),
                cores(app.withExecutorLimit(5), spreadOut));
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void schedulingWithExecutorLimitAndCoresPerExecutor(boolean spreadOut) {
        AppDemand app = AppDemand.of("a", 256).withCoresPerExecutor(4);
        assertArrayEquals(new int[] {0, 0, 0}, cores(app.withExecutorLimit(0), spreadOut));
        assertArrayEquals(expect(spreadOut, new int[] {4, 4, 0}, new int[] {8, 0, 0}),
                cores(app.withExecutorLimit(2), spreadOut));
        assertArrayEquals(new int[] {8, 8, 4}, cores(app.withExecutorLimit(5), spreadOut));
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void schedulingWithExecutorLimitCoresPerExecutorAndMaxCores(boolean spreadOut) {
        AppDemand app = AppDemand.of("a", 256).withCoresPerExecutor(4).withCoresLeft(18);
        assertArrayEquals(new int[] {0, 0, 0}, cores(app.withExecutorLimit(0), spreadOut));
        assertArrayEquals(expect(spreadOut, new int[] {4, 4, 0}, new int[] {8, 0, 0}),
                cores(app.withExecutorLimit(2), spreadOut));
        assertArrayEquals(expect(spreadOut, new int[] {8, 4, 4}, new int[] {8, 8, 0}),
                cores(app.withExecutorLimit(5), spreadOut));
    }

    @Test
    void currentExecutorsCountAgainstTheLimit() {
        AppDemand app = AppDemand.of("a", 256).withExecutorLimit(3).withCurrentExecutors(1);
        assertArrayEquals(new int[] {10, 10, 0}, cores(app, true));
        assertArrayEquals(new int[] {0, 0, 0}, cores(app.withCurrentExecutors(3), true));
    }

    @ParameterizedTest(name = "spreadOut={0}")
    @ValueSource(booleans = {true, false})
    void enoughCoresButNotEnoughMemory(boolean spreadOut) {
        List<WorkerSlot> small = List.of(WorkerSlot.alive("w0", 10, 512), WorkerSlot.alive("w1", 10, 512));
        SchedulePlan plan = Scheduler.schedule(small, List.of(AppDemand.of("a", 1024)), spreadOut);
        assertEquals(List.of(), plan.executors());
        // The worker with the most cores but too little memory is skipped, the others still serve.
        List<WorkerSlot> mixed = List.of(WorkerSlot.alive("w0", 4, 4096), WorkerSlot.alive("w1", 16, 512),
                WorkerSlot.alive("w2", 4, 4096));
        int[] got = Scheduler.schedule(mixed, List.of(AppDemand.of("a", 1024).withCoresLeft(6)), spreadOut)
                .apps().get(0).coresPerWorker();
        assertArrayEquals(expect(spreadOut, new int[] {3, 0, 3}, new int[] {4, 0, 2}), got);
    }

    @Test
    void enoughMemoryButNotEnoughCoresForOneExecutor() {
        List<WorkerSlot> workers = List.of(WorkerSlot.alive("w0", 3, 8192), WorkerSlot.alive("w1", 4, 8192));
        AppDemand app = AppDemand.of("a", 1024).withCoresPerExecutor(4);
        assertArrayEquals(new int[] {0, 4}, Scheduler.schedule(workers, List.of(app), true).apps().get(0).coresPerWorker());
    }

    @Test
    void growingTheOnlyExecutorOnAWorkerDoesNotRecheckMemory() {
        // 1024 MB fits exactly one executor; with cores per executor unset it takes all 10 cores.
        List<WorkerSlot> workers = List.of(WorkerSlot.alive("w0", 10, 1024));
        SchedulePlan plan = Scheduler.schedule(workers, List.of(AppDemand.of("a", 1024)), true);
        assertEquals(List.of(new PlannedExecutor("a", 0, "w0", 10, 1024)), plan.executors());
    }

    @Test
    void maxCoresEightOverThreeTenCoreWorkersGivesThreeThreeTwo() {
        // The budget is checked before every step, the first of each round included: not [3,3,3].
        assertArrayEquals(new int[] {3, 3, 2}, cores(AppDemand.of("a", 1024).withCoresLeft(8), true));
    }

    @Test
    void appsAreServedInFifoOrderOnWhatEarlierAppsLeft() {
        AppDemand first = AppDemand.of("first", 1024).withCoresLeft(8);
        AppDemand second = AppDemand.of("second", 1024);
        SchedulePlan plan = Scheduler.schedule(THREE_WORKERS, List.of(first, second), true);
        assertArrayEquals(new int[] {3, 3, 2}, plan.apps().get(0).coresPerWorker());
        assertArrayEquals(new int[] {7, 7, 8}, plan.apps().get(1).coresPerWorker());
        // The second app sees w2 (8 free) ahead of w0 and w1 (7 free each) and launches in that order.
        assertEquals(List.of(new PlannedExecutor("second", 2, "w2", 8, 1024),
                        new PlannedExecutor("second", 0, "w0", 7, 1024),
                        new PlannedExecutor("second", 1, "w1", 7, 1024)),
                plan.apps().get(1).executors());
    }

    @Test
    void fixedSizeExecutorsAreEmittedWorkerByWorkerInSortedOrder() {
        List<WorkerSlot> workers = List.of(WorkerSlot.alive("small", 4, 4096), WorkerSlot.alive("big", 8, 4096));
        AppDemand app = AppDemand.of("a", 512).withCoresPerExecutor(2).withCoresLeft(8);
        SchedulePlan plan = Scheduler.schedule(workers, List.of(app), true);
        assertEquals(List.of(new PlannedExecutor("a", 1, "big", 2, 512), new PlannedExecutor("a", 1, "big", 2, 512),
                        new PlannedExecutor("a", 0, "small", 2, 512), new PlannedExecutor("a", 0, "small", 2, 512)),
                plan.executors());
    }

    @Test
    void deadWorkersAndAppsWithTooFewCoresLeftGetNothing() {
        List<WorkerSlot> workers = List.of(new WorkerSlot("dead", false, 10, 4096), WorkerSlot.alive("w1", 10, 4096));
        assertArrayEquals(new int[] {0, 10},
                Scheduler.schedule(workers, List.of(AppDemand.of("a", 1024)), true).apps().get(0).coresPerWorker());
        AppDemand almostDone = AppDemand.of("a", 1024).withCoresPerExecutor(4).withCoresLeft(3);
        assertEquals(List.of(), Scheduler.schedule(workers, List.of(almostDone), true).executors());
    }

    @Test
    void inputsAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> AppDemand.of("a", 1024).withCoresPerExecutor(0));
        assertThrows(IllegalArgumentException.class, () -> AppDemand.of("a", -1));
        assertThrows(IllegalArgumentException.class, () -> AppDemand.of("a", 1).withCurrentExecutors(-1));
    }

    @Test
    void unlimitedAppOnAnEmptyClusterIsANoOp() {
        SchedulePlan plan = Scheduler.schedule(List.of(), List.of(AppDemand.of("a", 1024)), true);
        assertEquals(1, plan.apps().size());
        assertTrue(plan.executors().isEmpty());
        assertEquals(0, plan.apps().get(0).coresPerWorker().length);
    }
}
