package cluster.e2e;

import cluster.messages.ApplicationDescription;
import cluster.messages.ExecutorState;
import cluster.runtime.DriverNode;
import cluster.runtime.SparkConf;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** RequestExecutors / KillExecutors on a real cluster: the target grows the app, a killed executor's process goes. */
class DynamicAllocationTest {

    @Test
    void anAppGrowsOnRequestAndGivesAnExecutorBack() throws Exception {
        try (RealCluster cluster = new RealCluster(List.of(), new int[] {2, 2}, "1g")) {
            ApplicationDescription app = new ApplicationDescription("dynamic", null, 1, 256, 1, List.of());
            DriverNode driver = DriverNode.start("127.0.0.1", List.of(cluster.masterId()), app, new SparkConf(),
                    cluster.traceDir.toString());
            try {
                String appId = driver.registered().get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                driver.executorsRegistered(1).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                // RUNNING once its worker has heard of the registration, a moment after the driver
                await().atMost(RealCluster.PATIENCE).until(() -> running(cluster, appId) == 1);
                assertEquals(1, cluster.status().executors.stream().filter(e -> e.appId.equals(appId)).count(),
                        "the initial limit holds the app at one executor");

                driver.requestTotal(3);
                driver.executorsRegistered(3).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
                await().atMost(RealCluster.PATIENCE).until(() -> running(cluster, appId) == 3);

                int victim = driver.executors().iterator().next();
                ProcessHandle process = executorProcess(cluster, victim).orElseThrow(() -> new AssertionError(
                        "no process for executor " + victim + " among " + cluster.workers.stream()
                                .flatMap(w -> w.process().children()).map(p -> p.info().toString()).toList()));
                driver.requestTotal(2);
                driver.killExecutor(victim);
                await().atMost(RealCluster.PATIENCE).until(() -> !process.isAlive());
                await().atMost(RealCluster.PATIENCE).until(() -> !driver.executors().contains(victim)
                        && driver.executors().size() == 2);
                await().atMost(RealCluster.PATIENCE).until(() -> running(cluster, appId) == 2
                        && cluster.status().executors.stream().noneMatch(e -> e.execId == victim));
                assertTrue(cluster.status().executors.size() == 2);
            } finally {
                driver.stop();
            }
        }
    }

    private static long running(RealCluster cluster, String appId) throws Exception {
        return cluster.status().executors.stream()
                .filter(e -> e.appId.equals(appId) && e.state == ExecutorState.RUNNING).count();
    }

    private static Optional<ProcessHandle> executorProcess(RealCluster cluster, int execId) {
        return cluster.workers.stream().flatMap(w -> w.process().children())
                .filter(p -> Procs.hasOption(Procs.arguments(p.pid()), "--executor-id", Integer.toString(execId)))
                .findFirst();
    }
}
