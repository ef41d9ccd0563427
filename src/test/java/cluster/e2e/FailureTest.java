package cluster.e2e;

import cluster.cli.ClusterCommand;
import cluster.messages.ApplicationState;
import cluster.messages.ApplicationSummary;
import cluster.messages.ExecutorState;
import cluster.runtime.DriverNode;
import cluster.runtime.JavaCommand;
import cluster.runtime.SparkConf;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Processes that die: a worker killed with SIGKILL, a driver process killed, executors that cannot start. Nothing
 * of ours may be left behind.
 */
class FailureTest {

    /**
     * Spark's SPARK-27510: its worker reports an executor RUNNING when the process starts, which resets the app's
     * retry budget, so executors that die at start up are relaunched forever. Here an executor is RUNNING once it
     * has registered with its driver, so these failures add up and the app fails. The executors die of a wrong
     * path in the app's executor JVM options, a classic way to get there.
     */
    @Test
    void executorsThatDieAtStartFailTheAppInsteadOfBeingRelaunchedForever() throws Exception {
        try (RealCluster cluster = new RealCluster(List.of("spark.deploy.maxExecutorRetries=3"), new int[] {2}, "1g")) {
            SparkConf conf = new SparkConf();
            conf.setPair(DriverNode.EXTRA_JAVA_OPTIONS + "=-javaagent:/no/such/agent.jar"); // the JVM exits at once
            DriverNode driver = cluster.submit(null, 1, 64, conf);
            String appId = driver.registered().get(60, TimeUnit.SECONDS);
            String why = driver.removed().get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertTrue(why.contains("failed 3 times"), why);
            ApplicationSummary app = cluster.status().apps.stream().filter(a -> a.appId.equals(appId)).findFirst()
                    .orElse(null);
            assertTrue(app == null || app.state == ApplicationState.FINISHED, "the app is over: " + app);
            // and nothing more is launched for it
            await().during(java.time.Duration.ofSeconds(3)).atMost(RealCluster.PATIENCE)
                    .until(() -> cluster.status().executors.isEmpty());
        }
    }

    @Test
    void executorsOfAKilledWorkerAreReportedLostAndReplacedElsewhere() throws Exception {
        try (RealCluster cluster = new RealCluster(List.of("spark.worker.timeout=4s"), new int[] {2, 2}, "1g")) {
            DriverNode driver = cluster.submit(2, 1, 256);
            String appId = driver.registered().get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            driver.executorsRegistered(2).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            // spreadOut: one executor on each worker. Kill worker 0 with SIGKILL.
            await().atMost(RealCluster.PATIENCE).until(() -> cluster.executorPids(0).size() == 1);
            List<Long> orphans = cluster.executorPids(0);
            Set<Integer> before = driver.executors();
            cluster.processes.kill(cluster.workers.get(0));

            // The master times the worker out, reports its executor lost, and places a new one on worker 1.
            String survivor = cluster.workerId(1);
            await().atMost(RealCluster.PATIENCE).until(() -> {
                Map<String, Integer> cores = cluster.runningCoresByWorker(appId);
                return cores.keySet().equals(Set.of(survivor)) && cores.get(survivor) == 2;
            });
            await().atMost(RealCluster.PATIENCE).until(() -> {
                Set<Integer> now = driver.executors();
                return now.size() == 2 && !now.containsAll(before);
            });
            // The killed worker's executor noticed its worker is gone and exited: no orphan.
            await().atMost(RealCluster.PATIENCE).until(() -> orphans.stream()
                    .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        }
    }

    @Test
    void aDriverThatDiesHasItsExecutorsKilled() throws Exception {
        try (RealCluster cluster = new RealCluster(List.of(), new int[] {2, 2}, "1g")) {
            Path out = Files.createTempFile("submit", ".out");
            List<String> command = JavaCommand.of(List.of("-Xmx256m"), ClusterCommand.class.getName());
            command.addAll(List.of("submit", "--master", cluster.master.address(), "--executor-cores", "1",
                    "--executor-memory", "256m", "--total-executor-cores", "2", "--tasks", "100000",
                    "--samples-per-task", "100000000"));
            command.addAll(cluster.tracing());
            Process submit = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            try {
                await().atMost(RealCluster.PATIENCE).until(() -> cluster.status().executors.stream()
                        .filter(e -> e.state == ExecutorState.RUNNING).count() == 2);
                List<Long> executors = new ArrayList<>(cluster.executorPids(0));
                executors.addAll(cluster.executorPids(1));
                assertEquals(2, executors.size());
                String appId = cluster.status().apps.get(0).appId;
                submit.destroyForcibly();
                submit.waitFor(30, TimeUnit.SECONDS);

                await().atMost(RealCluster.PATIENCE).until(() -> executors.stream()
                        .noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
                await().atMost(RealCluster.PATIENCE).until(() -> cluster.status().executors.isEmpty());
                ApplicationSummary app = cluster.status().apps.stream().filter(a -> a.appId.equals(appId))
                        .findFirst().orElse(null);
                assertTrue(app == null || app.state != ApplicationState.RUNNING,
                        "the app of a dead driver is not running: " + app);
            } finally {
                submit.descendants().forEach(ProcessHandle::destroyForcibly);
                submit.destroyForcibly();
                Files.deleteIfExists(out);
            }
            assertFalse(submit.isAlive());
        }
    }
}
