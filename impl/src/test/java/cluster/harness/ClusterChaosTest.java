package cluster.harness;

import cluster.core.SpecActions;
import cluster.driver.DriverState;
import cluster.master.BookedExecutor;
import cluster.master.LeaderTerm;
import cluster.master.MasterConfig;
import cluster.master.MasterCore;
import cluster.master.MasterRole;
import cluster.messages.ApplicationDescription;
import cluster.messages.ApplicationState;
import cluster.worker.RunningExecutor;
import cluster.worker.WorkerCore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The same cores under a network that reorders, drops and duplicates, with a leader crash in the middle;
 * the harness checks the safety properties after every step and the cores check their own invariants.
 * After the network heals, the protocol must converge: one ALIVE leader that the driver follows, and books
 * equal to the executors really running (the spec's BooksMatchRunningExecutors).
 */
class ClusterChaosTest {
    private static final List<String> COMMAND =
            List.of("executor", "{{APP_ID}}", "{{EXECUTOR_ID}}", "{{HOSTNAME}}", "{{CORES}}", "--driver", "d1");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
        26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40})
    void safe_under_reordering_loss_duplication_and_failover_and_converges_after_healing(long seed) {
        Random random = new Random(seed);
        InMemoryCluster cluster = new InMemoryCluster();
        cluster.addMaster("m1", MasterConfig.defaults("m1", "spark://m1:7077"));
        cluster.addMaster("m2", MasterConfig.defaults("m2", "spark://m2:7077"));
        cluster.addWorker("w1", 4, 4096, 1);
        cluster.addWorker("w2", 2, 2048, 1);
        cluster.addDriver("d1", new ApplicationDescription("pi", 5, 1, 512, null, COMMAND));
        cluster.chaos(random, 0.1, 0.05);
        cluster.startAll();
        cluster.chaosFailoverSchedule(random);

        MasterCore leader = cluster.masters.get("m2");
        assertEquals(MasterRole.ALIVE, leader.state().role(), "seed " + seed);
        LeaderTerm term = leader.state().term();
        assertEquals(running(cluster), booked(term), "BooksMatchRunningExecutors, seed " + seed);
        DriverState driver = cluster.drivers.get("d1").state();
        if (driver.phase() == DriverState.Phase.DONE) {
            // a lost MasterChanged/MasterChangeAcknowledged (not retransmitted, as in the spec) lets the
            // recovery timeout finish the app: then it must be over everywhere (FinishedAppsStop)
            assertTrue(term.apps().values().stream().allMatch(a -> a.state() == ApplicationState.FINISHED), "seed " + seed);
            assertTrue(cluster.executors.isEmpty(), "FinishedAppsStop, seed " + seed + ": " + cluster.executors.keySet());
        } else {
            assertEquals(DriverState.Phase.REGISTERED, driver.phase(), "seed " + seed);
            assertEquals("m2", driver.master(), "seed " + seed);
            assertNotNull(term.apps().get(driver.appId()));
            int cores = 0;
            for (BookedExecutor e : term.executors()) {
                cores += e.cores();
            }
            assertEquals(5, cores, "AppsGetExecutors: the app has its 5 cores (6 exist), seed " + seed);
        }
        Set<String> unknown = new TreeSet<>();
        cluster.trace.forEach(r -> unknown.add(r.action()));
        unknown.removeAll(SpecActions.traceableActions());
        assertEquals(Set.of(), unknown);
    }

    private static Set<String> booked(LeaderTerm term) {
        Set<String> books = new TreeSet<>();
        for (BookedExecutor e : term.executors()) {
            books.add(e.appId() + "/" + e.execId() + "@" + e.workerId());
        }
        return books;
    }

    private static Set<String> running(InMemoryCluster cluster) {
        Set<String> running = new TreeSet<>();
        for (Map.Entry<String, WorkerCore> w : cluster.workers.entrySet()) {
            for (RunningExecutor e : w.getValue().state().executors()) {
                running.add(e.appId() + "/" + e.execId() + "@" + w.getKey());
            }
        }
        return running;
    }
}
