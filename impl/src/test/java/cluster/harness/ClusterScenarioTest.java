package cluster.harness;

import cluster.core.AppRecord;
import cluster.core.ExecutorKey;
import cluster.core.Input;
import cluster.core.SpecActions;
import cluster.driver.DriverState;
import cluster.driver.DriverState;
import cluster.master.BookedExecutor;
import cluster.master.LeaderTerm;
import cluster.master.MasterConfig;
import cluster.master.MasterRole;
import cluster.messages.ApplicationDescription;
import cluster.messages.ApplicationState;
import cluster.messages.LaunchExecutor;
import cluster.messages.RegisterApplication;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Whole-protocol scenarios over the real cores wired together in memory: two masters, two 4-core
 * workers, one driver whose app takes 1-core executors without a cap.
 */
class ClusterScenarioTest {
    private static final List<String> EXECUTOR_COMMAND =
            List.of("executor", "{{APP_ID}}", "{{EXECUTOR_ID}}", "{{HOSTNAME}}", "{{CORES}}", "--driver", "d1");

    private final InMemoryCluster cluster = new InMemoryCluster();

    @BeforeEach
    void cluster() {
        cluster.addMaster("m1", MasterConfig.defaults("m1", "spark://m1:7077"));
        cluster.addMaster("m2", MasterConfig.defaults("m2", "spark://m2:7077"));
        cluster.addWorker("w1", 4, 4096, 1);
        cluster.addWorker("w2", 4, 4096, 1);
        cluster.addDriver("d1", new ApplicationDescription("pi", null, 1, 512, null, EXECUTOR_COMMAND));
        cluster.startAll();
    }

    /** Election, registrations, one scheduling pass, launches, executors registered with the driver. */
    private String runningWithEightExecutors() {
        cluster.elect("m1");
        cluster.advance(1);
        LeaderTerm term = cluster.masters.get("m1").state().term();
        assertEquals(List.of("w1", "w2"), term.workerOrder());
        String appId = cluster.drivers.get("d1").state().appId();
        assertEquals(8, term.executors().size());
        assertEquals(8, cluster.executors.size(), "8 executor processes run");
        assertEquals(8, cluster.drivers.get("d1").state().executors().size(), "all registered with the driver");
        assertTrue(cluster.executors.values().stream().allMatch(e -> e.registered()));
        return appId;
    }

    @Test
    void election_registration_schedule_launch_executors_register_then_driver_stops_and_executors_are_killed() {
        String appId = runningWithEightExecutors();
        LeaderTerm term = cluster.masters.get("m1").state().term();
        assertTrue(term.executors().stream().allMatch(e -> e.state() == BookedExecutor.State.RUNNING));
        assertEquals(8, ((AppRecord) cluster.store.get(AppRecord.keyOf(appId))).nextExecId());

        cluster.advance(120_000); // heartbeats keep the workers registered; nothing else happens
        assertFalse(cluster.tracedActions("m1").contains("MasterWorkerTimeout"));
        assertEquals(8, cluster.executors.size());

        cluster.input("d1", new Input.StopRequested());
        cluster.runUntilIdle();
        assertEquals(DriverState.Phase.DONE, cluster.drivers.get("d1").state().phase());
        assertEquals(ApplicationState.FINISHED, term.apps().get(appId).state());
        assertTrue(cluster.executors.isEmpty(), "every executor process was killed");
        assertTrue(term.executors().isEmpty(), "the KILLED reports emptied the books");
        assertTrue(cluster.workers.values().stream().allMatch(w -> w.state().executors().isEmpty()));
        assertTrue(cluster.workers.values().stream().allMatch(w -> w.state().reports().isEmpty()), "all acknowledged");
        assertEquals(AppRecord.State.FINISHED, ((AppRecord) cluster.store.get(AppRecord.keyOf(appId))).state());
        assertTraceNamesOnlySpecActions();
        assertTrue(cluster.tracedActions("m1").containsAll(List.of("MasterElectedLeader", "MasterHandleRegisterWorker",
                "MasterHandleWorkerLatestState", "MasterHandleRegisterApplication", "MasterSchedule",
                "MasterHandleExecutorStateChanged", "MasterHandleUnregisterApplication")));
        assertTrue(cluster.tracedActions("d1").containsAll(List.of("DriverHandleRegisteredApplication",
                "DriverHandleRegisterExecutor", "DriverStop")));
    }

    @Test
    void failover_new_leader_recovers_adopts_running_executors_and_ids_continue_from_the_persisted_counter() {
        String appId = runningWithEightExecutors();
        cluster.crashMaster("m1");
        cluster.elect("m2");
        assertEquals(MasterRole.RECOVERING, cluster.masters.get("m2").state().role());
        cluster.advance(1);

        LeaderTerm term = cluster.masters.get("m2").state().term();
        assertEquals(MasterRole.ALIVE, cluster.masters.get("m2").state().role(), "everyone answered");
        assertEquals(8, term.executors().size(), "the running executors were adopted");
        assertEquals(8, cluster.launchCount.size(), "nothing was launched again");
        assertTrue(cluster.workers.values().stream()
                .allMatch(w -> "m2".equals(w.state().master()) && w.state().epochFloor() == 2));
        assertEquals("m2", cluster.drivers.get("d1").state().master());
        assertEquals(ApplicationState.WAITING, term.apps().get(appId).state());

        cluster.advance(20_000); // the grace timers armed when m1 went away find everyone following m2: no step
        assertEquals("m2", cluster.drivers.get("d1").state().master());
        assertTrue(cluster.tracedActions("w1").stream().noneMatch(a -> a.equals("WorkerSendRegisterWorker")));

        // an executor fails; m2 replaces it with the next id of the counter m1 persisted
        cluster.executorProcessExits(appId, firstExecutorOn("w1", appId), 1);
        cluster.advance(1);
        assertTrue(cluster.launchCount.containsKey(new ExecutorKey(appId, 8)), "the replacement got id 8");
        assertEquals(9, ((AppRecord) cluster.store.get(AppRecord.keyOf(appId))).nextExecId());
        assertEquals(0, term.apps().get(appId).retries(), "counted once, then reset by the replacement's RUNNING");
        assertEquals(8, term.executors().size());
        assertEquals(8, cluster.drivers.get("d1").state().executors().size());
        assertEquals(8, cluster.executors.size());
        assertTraceNamesOnlySpecActions();
    }

    /**
     * Spark's SPARK-27510 loop: its worker reports RUNNING when the process starts, which resets the app's retry
     * budget, so executors that always die at start up are relaunched forever. Here RUNNING waits for the
     * executor's registration with its driver, so the failures add up and the app fails. (With RUNNING at start
     * the relaunches never end: the cluster never comes to rest, and the time limit fails the test.)
     */
    @Test
    @org.junit.jupiter.api.Timeout(value = 120, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
    void executors_that_always_die_before_registering_fail_the_app_after_the_retry_budget() {
        cluster.executorsDieAtStart("d1");
        cluster.elect("m1");
        cluster.advance(5 * 60_000);
        String appId = cluster.drivers.get("d1").state().appId();
        LeaderTerm term = cluster.masters.get("m1").state().term();
        assertEquals(ApplicationState.FINISHED, term.apps().get(appId).state());
        assertTrue(term.apps().get(appId).retries() >= 10, "retries: " + term.apps().get(appId).retries());
        assertEquals(DriverState.Phase.DONE, cluster.drivers.get("d1").state().phase(),
                "the driver was told ApplicationRemoved");
        int launched = cluster.launchCount.size();
        assertTrue(launched >= 10 && launched <= 16, "one back-off round after the first 8: " + launched);
        assertTrue(cluster.tracedActions("w1").stream().noneMatch(a -> a.equals("WorkerReportExecutorRunning")));
        cluster.advance(10 * 60_000);
        assertEquals(launched, cluster.launchCount.size(), "nothing is launched for the failed app");
        assertTraceNamesOnlySpecActions();
    }

    @Test
    void driver_crash_ends_the_app_and_leaves_no_orphan_executor() {
        String appId = runningWithEightExecutors();
        cluster.crashDriver("d1");
        cluster.runUntilIdle();
        LeaderTerm term = cluster.masters.get("m1").state().term();
        assertEquals(ApplicationState.FINISHED, term.apps().get(appId).state());
        assertTrue(cluster.executors.isEmpty(), "no executor outlives its driver");
        assertTrue(term.executors().isEmpty());
        assertTrue(cluster.workers.values().stream().allMatch(w -> w.state().reports().isEmpty()));
        assertNull(cluster.tracedActions("m1").stream().filter(a -> a.equals("MasterSchedule")).skip(1).findFirst()
                .orElse(null), "nothing was launched for the finished app");
        assertTraceNamesOnlySpecActions();
    }

    @Test
    void deposed_leader_cannot_write_and_its_stale_commands_are_refused() {
        runningWithEightExecutors();
        cluster.expireSession();      // m1 has not heard yet: it still thinks it leads
        cluster.elect("m2");
        cluster.advance(1);
        assertEquals(MasterRole.ALIVE, cluster.masters.get("m2").state().role());
        assertEquals(MasterRole.ALIVE, cluster.masters.get("m1").state().role());

        int deliveredBefore = cluster.delivered.size();
        cluster.inject("d2", "m1", new RegisterApplication("key-d2", "spark://d2", new ApplicationDescription("late",
                null, 1, 512, null, EXECUTOR_COMMAND)));
        cluster.runUntilIdle();
        assertEquals(MasterRole.STANDBY, cluster.masters.get("m1").state().role(), "its write failed: it stepped down");
        assertTrue(cluster.delivered.subList(deliveredBefore, cluster.delivered.size()).stream()
                .noneMatch(m -> m.from().equals("m1")), "nothing left m1 after its failed write");
        assertEquals(1, cluster.tracedActions("m1").stream().filter(a -> a.equals("MasterHandleRegisterApplication"))
                .count(), "the failed write's step left no trace event; only d1's registration is traced");
        assertEquals("MasterRevokedLeadership", last(cluster.tracedActions("m1")));

        int processes = cluster.executors.size();
        cluster.inject("m1", "w1", new LaunchExecutor(1, "w1", 1, "app-1-0000", 99, 1, 1, EXECUTOR_COMMAND));
        cluster.runUntilIdle();
        assertEquals(processes, cluster.executors.size(), "a LaunchExecutor of epoch 1 is refused after epoch 2");
        assertNull(cluster.launchCount.get(new ExecutorKey("app-1-0000", 99)));
        assertTraceNamesOnlySpecActions();
    }

    private int firstExecutorOn(String workerId, String appId) {
        return cluster.workers.get(workerId).state().executors().stream().filter(e -> e.appId().equals(appId))
                .mapToInt(e -> e.execId()).min().orElseThrow();
    }

    private void assertTraceNamesOnlySpecActions() {
        Set<String> unknown = new TreeSet<>();
        for (InMemoryCluster.TraceRecord r : cluster.trace) {
            unknown.add(r.action());
        }
        unknown.removeAll(SpecActions.traceableActions());
        assertEquals(Set.of(), unknown);
    }

    private static String last(List<String> list) {
        return list.get(list.size() - 1);
    }
}
