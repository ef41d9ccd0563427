package cluster.scheduler;

import java.util.List;

/**
 * Executor placement for one scheduling pass of the leader master.
 *
 * <p>This is the Java twin of the spec operator {@code Allocation} in the TLA+ module
 * {@code spec/tla/SparkStandalone.tla}, and of Spark's {@code Master.startExecutorsOnWorkers},
 * {@code scheduleExecutorsOnWorkers} and {@code allocateWorkerResourceToExecutors}
 * (see spark-standalone.md §4.3–4.5). Both must give exactly the same result:
 * <ol>
 *   <li>Apps are served in FIFO order; each sees the free cores and memory left by the apps before it.</li>
 *   <li>An app is skipped if {@code coresLeft < minCpe} ({@code minCpe} = cores per executor, or 1 if unset).</li>
 *   <li>Usable workers: alive, {@code memoryFree >= memoryPerExecutor}, {@code coresFree >= minCpe}; sorted by
 *       free cores descending, ties by registration order.</li>
 *   <li>Steps of {@code minCpe} cores: spreadOut gives each usable worker at most one step per round (round
 *       robin); consolidate lets a worker take every step it can before the next worker. A step starting a
 *       new executor needs memory for it and must stay under the executor limit; with cores per executor
 *       unset every step after the first on a worker grows that one executor and rechecks neither.</li>
 *   <li>Cores per executor set: {@code assigned / cpe} executors of cpe cores; unset: one executor with all
 *       assigned cores. Each reserves the app's executor memory.</li>
 * </ol>
 *
 * <p>Pure: no I/O, no clock, no randomness; the inputs are never modified.
 * The rules are applied in closed form rather than round by round (see {@link SchedulingPass}); the test
 * {@code SchedulerProperties} checks the result against a literal transcription of the round loop.
 */
public final class Scheduler {
    private Scheduler() {
    }

    /**
     * Plans one pass.
     *
     * @param workers   every registered worker, in registration order (dead ones are ignored)
     * @param apps      the waiting apps, in registration (FIFO) order
     * @param spreadOut {@code spark.deploy.spreadOut}: round robin over workers (true) or fill each in turn
     * @return per app, in the order given, its executors and the cores it got on each worker
     */
    public static SchedulePlan schedule(List<WorkerSlot> workers, List<AppDemand> apps, boolean spreadOut) {
        return new SchedulingPass(workers, apps, spreadOut).run();
    }
}
