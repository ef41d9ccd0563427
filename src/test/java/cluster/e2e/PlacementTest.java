package cluster.e2e;

import cluster.runtime.DriverNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where executors go on a real cluster (one master, two 4-core 1 GiB workers, real executor JVMs), for Spark's
 * allocation rules: spreadOut, coresPerExecutor set and unset, memory, maxCores. Each app runs alone, its
 * executors must register with its driver, and the master's books must show the expected cores per worker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PlacementTest {
    private RealCluster cluster;

    @BeforeAll
    void start() throws Exception {
        cluster = new RealCluster(List.of(), new int[] {4, 4}, "1g");
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Runs one app to the point where {@code executors} executors registered; returns its cores per worker, sorted. */
    private List<Integer> place(Integer maxCores, Integer coresPerExecutor, int memoryMb, int executors) throws Exception {
        DriverNode driver = cluster.submit(maxCores, coresPerExecutor, memoryMb);
        try {
            String appId = driver.registered().get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            driver.executorsRegistered(executors).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            await().atMost(RealCluster.PATIENCE).until(() -> cluster.runningCoresByWorker(appId).values().stream()
                    .mapToInt(Integer::intValue).sum() == expectedTotal(maxCores, coresPerExecutor, executors));
            Map<String, Integer> byWorker = cluster.runningCoresByWorker(appId);
            assertEquals(executors, driver.executors().size(), "executors registered at the driver");
            // The search the no-orphan check relies on finds live executors (so its "none left" is not vacuous).
            assertEquals(executors, cluster.executorsOfOurDrivers().size(), "executor processes found on the machine");
            List<Integer> cores = new ArrayList<>(byWorker.values());
            Collections.sort(cores);
            return cores;
        } finally {
            driver.stop();
            await().atMost(RealCluster.PATIENCE).until(() -> cluster.status().executors.isEmpty());
        }
    }

    private static int expectedTotal(Integer maxCores, Integer coresPerExecutor, int executors) {
        return coresPerExecutor != null ? coresPerExecutor * executors : maxCores;
    }

    @Test
    void spreadOutWithOneCoreExecutorsBalancesTheWorkers() throws Exception {
        assertEquals(List.of(2, 2), place(4, 1, 256, 4));
    }

    @Test
    void withoutCoresPerExecutorEachWorkerGetsOneExecutorWithItsShare() throws Exception {
        assertEquals(List.of(3, 3), place(6, null, 256, 2));
    }

    @Test
    void memoryLimitsExecutorsPerWorker() throws Exception {
        // 4 free cores but 1 GiB: two 512 MiB executors per worker, no more, though the app has no core cap.
        assertEquals(List.of(2, 2), place(null, 1, 512, 4));
    }

    @Test
    void maxCoresCapsTheApp() throws Exception {
        assertEquals(List.of(1, 2), place(3, 1, 256, 3));
        assertTrue(cluster.status().apps.stream().noneMatch(a -> a.coresGranted > 3));
    }
}
