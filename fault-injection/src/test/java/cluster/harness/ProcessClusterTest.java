package cluster.harness;

import cluster.messages.ApplicationDescription;
import cluster.messages.MasterStateResponse;
import cluster.messages.RecoveryState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Masters and workers as real processes on the harness network: a leader elected through lin-kv, the workers
 * registered, an app's executor launched (its worker told over the harness, the executor a real JVM registered
 * with its driver), and a SIGKILLed leader replaced by a standby with a larger epoch that keeps the workers.
 */
class ProcessClusterTest {

    @TempDir
    Path dir;
    private ProcessCluster cluster;

    @AfterEach
    void killEverything() {
        if (cluster != null) {
            List<Long> pids = cluster.startedPids();
            cluster.close();
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly);
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " alive");
            }
        }
    }

    @Test
    void leaderElectedThroughLinKvLaunchesAndIsReplacedAfterSigkill() throws Exception {
        cluster = new ProcessCluster(new ProcessCluster.Settings(2, 2, 2, 1024, 1000, "4s", dir), 1);
        cluster.start();
        await().atMost(Duration.ofSeconds(60)).until(() -> alive(leaderStatus(), 2));
        ProcessCluster.Lease first = cluster.lease();
        assertTrue(cluster.masters().contains(first.leader()), "leader " + first);

        HarnessDriver driver = cluster.submit(new ApplicationDescription("harness-test", 2, 1, 256, null, List.of()));
        await().atMost(Duration.ofSeconds(60)).until(() -> driver.executors().size() >= 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> cluster.executorProcesses().stream()
                .anyMatch(e -> e.appId().equals(driver.appId())));

        cluster.kill(first.leader());
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            ProcessCluster.Lease now = cluster.lease();
            return !now.leader().equals(first.leader()) && alive(leaderStatus(), 2);
        });
        ProcessCluster.Lease second = cluster.lease();
        assertNotEquals(first.leader(), second.leader());
        assertTrue(second.epoch() > first.epoch(), "epochs " + first + " then " + second);
        MasterStateResponse status = leaderStatus();
        assertEquals(driver.appId(), status.apps.get(0).appId, "the new leader recovered the app");
    }

    private MasterStateResponse leaderStatus() {
        ProcessCluster.Lease lease = cluster.lease();
        return lease == null ? null : cluster.status(lease.leader());
    }

    private static boolean alive(MasterStateResponse status, int workers) {
        return status != null && status.status == RecoveryState.ALIVE && status.workers.size() == workers;
    }
}
