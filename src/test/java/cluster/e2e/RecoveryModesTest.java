package cluster.e2e;

import cluster.messages.MasterStateResponse;
import cluster.messages.RecoveryState;
import cluster.runtime.DriverNode;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A single master that restarts with FILESYSTEM recovery; a leader cut off from ZooKeeper that steps down. */
class RecoveryModesTest {

    @Test
    void aRestartedFileSystemMasterRecoversItsAppsAndWorkers() throws Exception {
        try (HaCluster cluster = new HaCluster(false, 1, new int[] {2, 2})) {
            DriverNode driver = cluster.submit(2);
            String appId = driver.registered().get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            driver.executorsRegistered(2).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            await().atMost(RealCluster.PATIENCE).until(() -> cluster.booksVersusProcesses() == null);
            Set<Long> pids = cluster.executorPids();
            long epoch = cluster.leaderStatus().epoch;

            cluster.killMaster(0);
            cluster.restartMaster(0);

            await().atMost(RealCluster.PATIENCE).until(() -> {
                MasterStateResponse s = cluster.leaderStatus();
                return s != null && s.workers.size() == 2 && s.executors.size() == 2
                        && cluster.booksVersusProcesses() == null;
            });
            MasterStateResponse recovered = cluster.leaderStatus();
            assertTrue(recovered.epoch > epoch, "a new term: " + recovered.epoch + " after " + epoch);
            assertEquals(appId, recovered.apps.get(0).appId, "the same app, not a new registration");
            assertEquals(pids, cluster.executorPids(), "the executors kept running");
            assertEquals(Set.of(0, 1), driver.executors());
        }
    }

    @Test
    void aLeaderCutOffFromZooKeeperStepsDownAndKeepsRunning() throws Exception {
        try (HaCluster cluster = new HaCluster(true, 2, new int[] {2})) {
            DriverNode driver = cluster.submit(2);
            driver.executorsRegistered(2).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
            Integer old = cluster.leader();
            assertNotNull(old);
            Set<Long> pids = cluster.executorPids();

            cluster.proxies.get(old).cut();

            // The other master leads (with the worker and the executors); the old one stands by, process alive.
            await().atMost(RealCluster.PATIENCE).until(() -> {
                Integer now = cluster.leader();
                return now != null && now != old.intValue() && cluster.booksVersusProcesses() == null
                        && cluster.leaderStatus().executors.size() == 2;
            });
            await().atMost(RealCluster.PATIENCE).until(() -> {
                MasterStateResponse oldStatus = cluster.statuses().get(old);
                return oldStatus != null && oldStatus.status == RecoveryState.STANDBY;
            });
            assertTrue(cluster.masters.get(old).process().isAlive(), "a deposed master does not exit");
            assertEquals(pids, cluster.executorPids());
            // Healed, it is a candidate again but does not take over from the living leader.
            cluster.proxies.get(old).heal();
            await().atMost(RealCluster.PATIENCE).until(() -> cluster.leader() != null
                    && cluster.leader() != old.intValue());
        }
    }
}
