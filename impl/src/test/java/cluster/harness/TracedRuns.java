package cluster.harness;

import cluster.core.Input;
import cluster.master.MasterConfig;
import cluster.messages.ApplicationDescription;
import cluster.worker.RunningExecutor;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Runs of the in-memory cluster that write real trace files (one per node, through JsonLinesTraceSink, with
 * vector clocks and message ids as the real runtime stamps them), for the trace checker's tests. The scenarios
 * are those of {@link ClusterScenarioTest} and {@link ClusterChaosTest}, and one with workers of different sizes.
 */
public final class TracedRuns {
    private static final List<String> COMMAND =
            List.of("executor", "{{APP_ID}}", "{{EXECUTOR_ID}}", "{{HOSTNAME}}", "{{CORES}}", "--driver", "d1");

    private TracedRuns() {
    }

    private static InMemoryCluster cluster(Path dir, int cores, Integer maxCores) {
        return cluster(dir, cores, cores, maxCores);
    }

    private static InMemoryCluster cluster(Path dir, int coresW1, int coresW2, Integer maxCores) {
        InMemoryCluster cluster = new InMemoryCluster();
        cluster.traceTo(dir);
        cluster.addMaster("m1", MasterConfig.defaults("m1", "spark://m1:7077"));
        cluster.addMaster("m2", MasterConfig.defaults("m2", "spark://m2:7077"));
        cluster.addWorker("w1", coresW1, coresW1 * 1024, 1);
        cluster.addWorker("w2", coresW2, coresW2 * 1024, 1);
        cluster.addDriver("d1", new ApplicationDescription("pi", maxCores, 1, 512, null, COMMAND));
        cluster.startAll();
        return cluster;
    }

    /** Election, registration, 8 executors launched and registered, then the driver stops and they are killed. */
    public static void launchAndStop(Path dir) {
        launchAndStop(cluster(dir, 4, null));
    }

    private static void launchAndStop(InMemoryCluster cluster) {
        cluster.elect("m1");
        cluster.advance(1);
        cluster.advance(120_000);
        cluster.input("d1", new Input.StopRequested());
        cluster.runUntilIdle();
        cluster.closeTrace();
    }

    /** As {@link #launchAndStop}, on a worker of 1 core and 1 GB next to one of 4 cores and 4 GB. */
    public static void unequalWorkers(Path dir) {
        launchAndStop(cluster(dir, 1, 4, null));
    }

    /** The leader crashes; the standby is elected, recovers, adopts the executors; one fails and is replaced. */
    public static void failover(Path dir) {
        InMemoryCluster cluster = cluster(dir, 4, null);
        cluster.elect("m1");
        cluster.advance(1);
        cluster.crashMaster("m1");
        cluster.elect("m2");
        cluster.advance(1);
        cluster.advance(20_000);
        RunningExecutor victim = cluster.workers.get("w1").state().executors().iterator().next();
        cluster.executorProcessExits(victim.appId(), victim.execId(), 1);
        cluster.advance(1);
        cluster.closeTrace();
    }

    /** The driver process dies: the app ends and no executor outlives it. */
    public static void driverCrash(Path dir) {
        InMemoryCluster cluster = cluster(dir, 4, null);
        cluster.elect("m1");
        cluster.advance(1);
        cluster.crashDriver("d1");
        cluster.runUntilIdle();
        cluster.closeTrace();
    }

    /**
     * ClusterChaosTest's run: reordering, loss and duplication, executor failures, a leader crash, healing.
     * Workers of 3 cores, an app capped at 5 cores.
     */
    public static void chaos(Path dir, long seed) {
        Random random = new Random(seed);
        InMemoryCluster cluster = cluster(dir, 3, 5);
        cluster.chaos(random, 0.1, 0.05);
        cluster.undroppable.add("WorkerLatestState"); // see ClusterChaosTest
        cluster.chaosFailoverSchedule(random);
        cluster.closeTrace();
    }

    /** A long run for the performance figure: the app repeatedly loses executors that are replaced. */
    public static void churn(Path dir, int failures) {
        InMemoryCluster cluster = cluster(dir, 4, null);
        cluster.elect("m1");
        cluster.advance(1);
        Random random = new Random(1);
        for (int i = 0; i < failures; i++) {
            cluster.failSomeExecutor(random);
            cluster.advance(1);
        }
        cluster.closeTrace();
    }
}
