package cluster.e2e;

import cluster.messages.MasterStateResponse;
import cluster.runtime.DriverNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Leader failover with ZooKeeper, on real processes: three masters, two 3-core workers. The tests run in order on
 * one cluster and add up to five failovers; after each, the new leader's books must equal the executors that are
 * really running, and nothing may be lost or started twice.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FailoverTest {
    private HaCluster cluster;
    private int failovers;

    @BeforeAll
    void start() throws Exception {
        cluster = new HaCluster(true, 3, new int[] {3, 3});
    }

    @AfterAll
    void stop() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** SIGKILL the leader and start it again as a standby; returns once another master leads with every worker. */
    private int failover() throws Exception {
        Integer old = cluster.leader();
        assertNotNull(old, "a leader before the failover");
        cluster.killMaster(old);
        await().atMost(RealCluster.PATIENCE).until(() -> {
            Integer now = cluster.leader();
            return now != null && !now.equals(old) && cluster.leaderStatus().workers.size() == 2;
        });
        cluster.restartMaster(old);
        failovers++;
        return cluster.leader();
    }

    @Test
    @Order(1)
    void killingTheLeaderLosesNoExecutorAndStartsNoneTwice() throws Exception {
        DriverNode first = cluster.submit(2);
        DriverNode second = cluster.submit(2);
        first.executorsRegistered(2).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        second.executorsRegistered(2).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(RealCluster.PATIENCE).until(() -> cluster.booksVersusProcesses() == null);
        Set<Long> pids = cluster.executorPids();
        Set<Integer> firstExecutors = first.executors();
        Set<Integer> secondExecutors = second.executors();
        assertEquals(4, pids.size());

        failover();

        // The new leader recovers both apps and all four executors: same processes, same ids, nothing extra.
        await().atMost(RealCluster.PATIENCE).until(() -> cluster.booksVersusProcesses() == null
                && cluster.leaderStatus().executors.size() == 4);
        assertEquals(pids, cluster.executorPids(), "the executors kept running through the failover");
        assertEquals(firstExecutors, first.executors());
        assertEquals(secondExecutors, second.executors());
        MasterStateResponse leader = cluster.leaderStatus();
        assertEquals(2, leader.apps.size());
        Set<String> ids = new HashSet<>();
        leader.executors.forEach(e -> assertTrue(ids.add(e.appId + "/" + e.execId), "booked twice: " + e.appId + "/" + e.execId));

        // A new app gets the free cores from the new leader.
        DriverNode third = cluster.submit(2);
        third.executorsRegistered(2).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        await().atMost(RealCluster.PATIENCE).until(() -> cluster.booksVersusProcesses() == null
                && cluster.leaderStatus().executors.size() == 6);
        third.stop();
        await().atMost(RealCluster.PATIENCE).until(() -> cluster.booksVersusProcesses() == null
                && cluster.leaderStatus().executors.size() == 4);
    }

    @Test
    @Order(2)
    void anAppSubmittedAsTheLeaderDiesIsRegisteredByTheNext() throws Exception {
        Integer old = cluster.leader();
        assertNotNull(old);
        cluster.killMaster(old);
        long killed = System.nanoTime();
        DriverNode late = cluster.submit(2);
        String appId = late.registered().get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        long registeredMs = (System.nanoTime() - killed) / 1_000_000;
        late.executorsRegistered(2).get(RealCluster.PATIENCE.toSeconds(), TimeUnit.SECONDS);
        System.out.printf("app %s submitted as the leader was killed: registered after %d ms%n", appId, registeredMs);
        cluster.restartMaster(old);
        failovers++;
        await().atMost(RealCluster.PATIENCE).until(() -> cluster.booksVersusProcesses() == null
                && cluster.leaderStatus().executors.size() == 6);
        late.stop();
        await().atMost(RealCluster.PATIENCE).until(() -> cluster.booksVersusProcesses() == null
                && cluster.leaderStatus().executors.size() == 4);
    }

    @Test
    @Order(3)
    void afterFiveFailoversTheBooksEqualTheRunningExecutors() throws Exception {
        Set<Long> pids = cluster.executorPids();
        while (failovers < 5) {
            failover();
            await().atMost(RealCluster.PATIENCE).until(() -> cluster.booksVersusProcesses() == null
                    && cluster.leaderStatus().executors.size() == 4);
        }
        assertNull(cluster.booksVersusProcesses());
        assertEquals(pids, cluster.executorPids(), "the same executor processes ran through every failover");
    }
}
