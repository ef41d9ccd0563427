package cluster.e2e;

import cluster.runtime.DriverNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** spark.deploy.spreadOut=false on a real cluster: an app's executors fill one worker before the next. */
class ConsolidateTest {
    @Test
    void spreadOutOffFillsOneWorkerFirst() throws Exception {
        try (RealCluster cluster = new RealCluster(List.of("spark.deploy.spreadOut=false"), new int[] {4, 4}, "2g")) {
            DriverNode driver = cluster.submit(4, 1, 256);
            String appId = driver.registered().get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            driver.executorsRegistered(4).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            await().atMost(RealCluster.PATIENCE).until(() -> cluster.runningCoresByWorker(appId).values().stream()
                    .mapToInt(Integer::intValue).sum() == 4);
            Map<String, Integer> byWorker = cluster.runningCoresByWorker(appId);
            assertEquals(List.of(4), List.copyOf(byWorker.values()), "all four cores on one worker: " + byWorker);
        }
    }
}
