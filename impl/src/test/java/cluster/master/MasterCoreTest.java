package cluster.master;

import cluster.core.AppRecord;
import cluster.core.Effect;
import cluster.core.Input;
import cluster.core.WorkerRecord;
import cluster.messages.ApplicationRemoved;
import cluster.messages.ApplicationState;
import cluster.messages.ExecutorAdded;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.ExecutorStateChangedAck;
import cluster.messages.ExecutorUpdated;
import cluster.messages.Heartbeat;
import cluster.messages.KillExecutor;
import cluster.messages.KillExecutors;
import cluster.messages.LaunchExecutor;
import cluster.messages.MasterChangeAcknowledged;
import cluster.messages.MasterChanged;
import cluster.messages.ReconnectWorker;
import cluster.messages.RegisteredApplication;
import cluster.messages.RegisteredWorker;
import cluster.messages.RequestExecutors;
import cluster.messages.UnregisterApplication;
import cluster.messages.WorkerLatestState;
import cluster.messages.WorkerSchedulerStateResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cluster.core.Effects.action;
import static cluster.core.Effects.indexOf;
import static cluster.core.Effects.persisted;
import static cluster.core.Effects.sent;
import static cluster.core.Effects.sentOne;
import static cluster.core.Effects.unpersisted;
import static cluster.master.MasterProbe.activeApp;
import static cluster.master.MasterProbe.app;
import static cluster.master.MasterProbe.running;
import static cluster.master.MasterProbe.worker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenarios of the master core, named after the spec actions and messages they exercise. */
class MasterCoreTest {

    private final MasterProbe master = new MasterProbe();

    /** Elected with nothing persisted, one 4-core worker and one app with 1-core executors capped at 2 cores. */
    private String aliveWithWorkerAndApp() {
        master.elect(1);
        master.joinWorker("w1", 1, 4, 4096);
        master.registerApp("d1", app(2, 1, 512));
        return master.term().appOrder().get(0);
    }

    @Test
    void when_elected_with_nothing_persisted_then_ALIVE_at_once() {
        List<Effect> effects = master.elect(1);
        assertEquals("MasterElectedLeader", action(effects));
        assertEquals(MasterRole.ALIVE, master.core.state().role());
        assertEquals(1, master.core.state().epoch());
    }

    @Test
    void when_standby_RegisterWorker_then_left_unanswered_and_no_step() {
        List<Effect> effects = master.registerWorker("w1", 1, 4, 4096);
        assertTrue(effects.isEmpty(), effects.toString());
    }

    @Test
    void when_RegisterWorker_then_worker_persisted_before_RegisteredWorker_leaves() {
        master.elect(1);
        List<Effect> effects = master.registerWorker("w1", 1, 4, 4096);
        assertEquals("MasterHandleRegisterWorker", action(effects));
        assertEquals(List.of(worker("w1", 1, 4, 4096)), persisted(effects));
        assertTrue(indexOf(effects, Effect.Persist.class) < indexOf(effects, Effect.Send.class));
        RegisteredWorker reply = sentOne(effects, RegisteredWorker.class, "w1");
        assertEquals(1, reply.epoch);
        assertEquals(1, reply.incarnation);
        assertEquals(MasterWorker.State.UNKNOWN, master.term().workers().get("w1").state(), "its executors are not known yet");
        assertEquals(List.of(), master.term().workerOrder());
    }

    @Test
    void when_registered_worker_lists_its_executors_then_ALIVE_and_only_then_used() {
        master.elect(1);
        master.registerWorker("w1", 1, 4, 4096);
        master.registerApp("d1", app(null, 1, 512));
        assertNull(action(master.schedule()), "nothing is placed on a worker whose executors are unknown");
        List<Effect> effects = master.latestState("w1", 1, running("app-0-0000", 0, 1, 512));
        assertEquals("MasterHandleWorkerLatestState", action(effects));
        assertEquals(List.of(), master.term().workerOrder());
        assertEquals(MasterWorker.State.NONE, master.term().workers().get("w1").state(),
                "ALIVE master: an executor it lacks is a zombie of a removed registration");
        assertTrue(sent(effects, KillExecutor.class, "w1").isEmpty());
        assertEquals(1, sentOne(effects, ReconnectWorker.class, "w1").incarnation);
        master.joinWorker("w1", 2, 4, 4096);
        assertEquals(List.of("w1"), master.term().workerOrder());
        assertEquals(4, sent(master.schedule(), LaunchExecutor.class, "w1").size());
    }

    /**
     * Simulator finding 1 (AppCapRespected with lossy partitions): w1 was removed on a false suspicion, its
     * ReconnectWorker lost, and its executor 0 replaced by executor 1 on w2. The next leader must not adopt
     * w1's zombie while RECOVERING: w1 has no persisted record, so its registration waits for recovery's end.
     */
    @Test
    void when_unrecovered_worker_registers_while_RECOVERING_then_left_unanswered_and_its_zombies_not_adopted() {
        String appId = "app-1-0000";
        master.elect(2, worker("w2", 1, 1, 1024), activeApp(appId, "d1", app(1, 1, 512), 2, Integer.MAX_VALUE));
        assertTrue(master.registerWorker("w1", 1, 1, 1024).isEmpty(), "no step: registers after recovery");
        assertTrue(master.latestState("w1", 1, running(appId, 0, 1, 512)).isEmpty());
        master.receive("w2", new WorkerSchedulerStateResponse(2, "w2", 1, List.of(running(appId, 1, 1, 512))));
        assertNull(master.booked(appId, 0), "w1's zombie is not adopted");
        assertEquals(1, master.booked(appId, 1).cores(), "its replacement is");
        master.receive("d1", new MasterChangeAcknowledged(2, appId));
        master.fire("MasterCompleteRecovery", "");
        assertEquals(MasterRole.ALIVE, master.core.state().role());
        master.registerWorker("w1", 1, 1, 1024);
        List<Effect> listed = master.latestState("w1", 1, running(appId, 0, 1, 512));
        assertEquals(1, sentOne(listed, ReconnectWorker.class, "w1").incarnation, "the zombie stops with its registration");
        assertFalse(master.storedRecords().contains(worker("w1", 1, 1, 1024)), "no later leader adopts it either");
        int granted = master.term().executors().stream().filter(e -> e.appId().equals(appId))
                .mapToInt(BookedExecutor::cores).sum();
        assertEquals(1, granted, "the app's cap");
    }

    /**
     * Simulator finding 2: the driver's MasterChangeAcknowledged was lost, so recovery finished its app; the
     * ApplicationRemoved that tells it may be lost too, so it is repeated until the driver disconnects.
     */
    @Test
    void when_recovery_finishes_an_app_then_ApplicationRemoved_repeats_until_its_driver_disconnects() {
        String appId = "app-1-0000";
        master.elect(2, activeApp(appId, "d1", app(1, 1, 512), 0, Integer.MAX_VALUE));
        List<Effect> completed = master.fire("MasterCompleteRecovery", "");
        assertEquals(appId, sentOne(completed, ApplicationRemoved.class, "d1").appId);
        List<Effect> again = master.fire("MasterResendApplicationRemoved", appId);
        assertEquals("MasterResendApplicationRemoved", action(again));
        assertEquals(2, sentOne(again, ApplicationRemoved.class, "d1").epoch);
        assertTrue(cluster.core.Effects.trace(again).changed().isEmpty());
        master.step(new Input.Disconnected("d1"));
        assertTrue(master.fire("MasterResendApplicationRemoved", appId).isEmpty(), "its driver is gone");
    }

    /** Simulator finding 3: a zombie's KillExecutor was sent once; the ReconnectWorker now repeats on heartbeats. */
    @Test
    void when_zombie_registration_removed_then_every_heartbeat_repeats_ReconnectWorker() {
        master.elect(1);
        master.registerWorker("w1", 3, 4, 4096);
        master.latestState("w1", 3, running("app-0-0000", 7, 1, 512));
        List<Effect> again = master.receive("w1", new Heartbeat("w1", 3));
        assertEquals("MasterHandleHeartbeat", action(again));
        assertEquals(3, sentOne(again, ReconnectWorker.class, "w1").incarnation);
    }

    @Test
    void when_WorkerLatestState_is_lost_then_a_heartbeat_asks_for_it_again() {
        master.elect(1);
        master.registerWorker("w1", 1, 4, 4096);
        assertTrue(master.receive("w1", new Heartbeat("w1", 1)).isEmpty(), "just asked: the answer may be on its way");
        master.nowMs += MasterConfig.defaults(MasterProbe.MASTER, "spark://m1:7077").commandRetryMs();
        List<Effect> again = master.receive("w1", new Heartbeat("w1", 1));
        assertEquals("MasterHandleHeartbeat", action(again));
        assertEquals(1, sentOne(again, RegisteredWorker.class, "w1").incarnation);
        assertTrue(cluster.core.Effects.trace(again).changed().isEmpty());
        assertTrue(master.receive("w1", new Heartbeat("w1", 1)).isEmpty(), "asked again just now");
        master.latestState("w1", 1);
        master.nowMs += 60_000;
        assertTrue(master.receive("w1", new Heartbeat("w1", 1)).isEmpty(), "ALIVE: a heartbeat is no spec step");
    }

    @Test
    void when_worker_registers_while_RECOVERING_then_recovery_waits_for_its_list_and_adopts_from_it() {
        master.elect(2, worker("w1", 4, 4, 4096), activeApp("app-1-0000", "d1", app(null, 1, 512), 2, Integer.MAX_VALUE));
        master.receive("d1", new MasterChangeAcknowledged(2, "app-1-0000"));
        List<Effect> registered = master.registerWorker("w1", 4, 4, 4096);
        assertTrue(cluster.core.Effects.timers(registered).stream()
                .noneMatch(t -> t.name().equals("MasterCompleteRecovery")), "w1 has not answered yet");
        List<Effect> listed = master.latestState("w1", 4, running("app-1-0000", 1, 1, 512));
        assertEquals(BookedExecutor.State.RUNNING, master.booked("app-1-0000", 1).state(), "adopted");
        assertEquals(1, cluster.core.Effects.timers(listed).stream()
                .filter(t -> t.name().equals("MasterCompleteRecovery") && t.delayMs() == 0).count(), "everyone answered");
    }

    @Test
    void when_registered_worker_never_lists_its_executors_then_it_times_out() {
        master.elect(1);
        master.registerWorker("w1", 1, 4, 4096);
        master.nowMs += 61_000;
        List<Effect> effects = master.fire("MasterWorkerTimeout", "w1");
        assertEquals("MasterWorkerTimeout", action(effects));
        assertEquals(MasterWorker.State.NONE, master.term().workers().get("w1").state());
        assertEquals(1, sentOne(effects, ReconnectWorker.class, "w1").incarnation);
    }

    @Test
    void when_duplicate_RegisterWorker_then_acknowledged_again_and_nothing_changes() {
        master.elect(1);
        master.joinWorker("w1", 1, 4, 4096);
        List<Effect> effects = master.registerWorker("w1", 1, 4, 4096);
        assertEquals("MasterHandleRegisterWorker", action(effects));
        assertTrue(cluster.core.Effects.trace(effects).changed().isEmpty());
        assertTrue(persisted(effects).isEmpty());
        sentOne(effects, RegisteredWorker.class, "w1");
    }

    @Test
    void when_RegisterApplication_then_persisted_ACTIVE_before_RegisteredApplication() {
        master.elect(1);
        List<Effect> effects = master.registerApp("d1", app(null, 1, 512));
        assertEquals("MasterHandleRegisterApplication", action(effects));
        AppRecord record = (AppRecord) persisted(effects).get(0);
        assertEquals(AppRecord.State.ACTIVE, record.state());
        assertEquals("key-d1", record.registrationKey());
        assertTrue(indexOf(effects, Effect.Persist.class) < indexOf(effects, Effect.Send.class));
        assertEquals(record.appId(), sentOne(effects, RegisteredApplication.class, "d1").appId);
    }

    @Test
    void when_duplicate_RegisterApplication_then_same_app_id_and_no_new_record() {
        master.elect(1);
        master.registerApp("d1", app(null, 1, 512));
        String first = master.term().appOrder().get(0);
        List<Effect> effects = master.registerApp("d1", app(null, 1, 512));
        assertEquals(first, sentOne(effects, RegisteredApplication.class, "d1").appId);
        assertTrue(persisted(effects).isEmpty());
        assertEquals(1, master.term().apps().size());
    }

    @Test
    void when_MasterSchedule_then_counter_persisted_before_LaunchExecutor_and_ExecutorAdded() {
        String appId = aliveWithWorkerAndApp();
        List<Effect> effects = master.schedule();
        assertEquals("MasterSchedule", action(effects));
        List<LaunchExecutor> launches = sent(effects, LaunchExecutor.class, "w1");
        assertEquals(2, launches.size(), "cap 2 cores of 1-core executors");
        assertEquals(List.of(0, 1), launches.stream().map(l -> l.execId).toList());
        assertEquals(1, launches.get(0).epoch);
        assertEquals(1, launches.get(0).incarnation);
        assertEquals(2, sent(effects, ExecutorAdded.class, "d1").size());
        AppRecord record = (AppRecord) persisted(effects).get(0);
        assertEquals(2, record.nextExecId());
        assertTrue(indexOf(effects, Effect.Persist.class) < indexOf(effects, Effect.Send.class));
        assertEquals(ApplicationState.RUNNING, master.term().apps().get(appId).state());
    }

    @Test
    void when_schedule_finds_nothing_to_do_then_no_step() {
        aliveWithWorkerAndApp();
        master.schedule();
        List<Effect> effects = master.schedule();
        assertNull(action(effects));
        assertTrue(effects.isEmpty(), effects.toString());
    }

    @Test
    void when_RUNNING_reported_then_acknowledged_and_booked_RUNNING() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        List<Effect> effects = master.report("w1", 1, appId, 0, ExecutorState.RUNNING);
        assertEquals("MasterHandleExecutorStateChanged", action(effects));
        ExecutorStateChangedAck ack = sentOne(effects, ExecutorStateChangedAck.class, "w1");
        assertEquals(ExecutorState.RUNNING, ack.state);
        assertEquals(BookedExecutor.State.RUNNING, master.booked(appId, 0).state());
    }

    @Test
    void when_duplicate_ExecutorStateChanged_then_retries_not_counted_twice() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        master.report("w1", 1, appId, 0, ExecutorState.FAILED);
        assertEquals(1, master.term().apps().get(appId).retries());
        List<Effect> duplicate = master.report("w1", 1, appId, 0, ExecutorState.FAILED);
        assertEquals(1, master.term().apps().get(appId).retries());
        sentOne(duplicate, ExecutorStateChangedAck.class, "w1");
        assertTrue(sent(duplicate, ExecutorUpdated.class).isEmpty(), "relayed once only");
    }

    @Test
    void when_retries_exhausted_and_no_executor_runs_then_app_fails_and_its_executors_are_killed() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        master.report("w1", 1, appId, 0, ExecutorState.FAILED);
        List<Effect> effects = master.report("w1", 1, appId, 1, ExecutorState.FAILED);
        assertEquals(ApplicationState.FINISHED, master.term().apps().get(appId).state());
        sentOne(effects, ApplicationRemoved.class, "d1");
        assertEquals(AppRecord.State.FINISHED, ((AppRecord) persisted(effects).get(0)).state());
        assertTrue(master.term().appOrder().isEmpty());
    }

    @Test
    void when_a_launch_is_refused_then_the_next_pass_backs_off() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        List<Effect> refused = master.report("w1", 1, appId, 0, ExecutorState.FAILED);
        List<Effect.SetTimer> schedule = cluster.core.Effects.timers(refused).stream()
                .filter(t -> t.name().equals("MasterSchedule")).toList();
        assertEquals(List.of(10_000L), schedule.stream().map(Effect.SetTimer::delayMs).toList());
        master.report("w1", 1, appId, 1, ExecutorState.RUNNING);
        List<Effect> exited = master.report("w1", 1, appId, 1, ExecutorState.EXITED);
        assertEquals(List.of(0L), cluster.core.Effects.timers(exited).stream()
                .filter(t -> t.name().equals("MasterSchedule")).map(Effect.SetTimer::delayMs).toList());
    }

    @Test
    void when_an_executor_runs_then_failures_never_fail_the_app() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        master.report("w1", 1, appId, 0, ExecutorState.RUNNING);
        master.report("w1", 1, appId, 1, ExecutorState.FAILED);
        master.schedule();
        master.report("w1", 1, appId, 2, ExecutorState.FAILED);
        assertEquals(2, master.term().apps().get(appId).retries());
        assertEquals(ApplicationState.RUNNING, master.term().apps().get(appId).state());
    }

    @Test
    void when_RUNNING_report_of_an_executor_the_books_never_held_then_it_is_killed() {
        aliveWithWorkerAndApp();
        List<Effect> effects = master.report("w1", 1, "app-9-0000", 7, ExecutorState.RUNNING);
        assertEquals("MasterHandleExecutorStateChanged", action(effects));
        KillExecutor kill = sentOne(effects, KillExecutor.class, "w1");
        assertEquals(7, kill.execId);
        assertEquals(1, kill.incarnation);
        assertTrue(cluster.core.Effects.trace(effects).changed().isEmpty(), "the books do not change");
    }

    @Test
    void when_finished_report_of_an_executor_not_in_the_books_then_only_acknowledged() {
        String appId = aliveWithWorkerAndApp();
        List<Effect> effects = master.report("w1", 1, appId, 5, ExecutorState.FAILED);
        sentOne(effects, ExecutorStateChangedAck.class, "w1");
        assertEquals(1, cluster.core.Effects.sends(effects).size());
        assertEquals(0, master.term().apps().get(appId).retries());
    }

    @Test
    void when_report_from_an_incarnation_the_master_does_not_hold_then_ignored() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        List<Effect> effects = master.report("w1", 2, appId, 0, ExecutorState.FAILED);
        assertTrue(effects.isEmpty(), effects.toString());
    }

    @Test
    void when_driverGone_report_then_app_ends_instead_of_a_replacement() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        List<Effect> effects = master.receive("w1", new ExecutorStateChanged("w1", 1, appId, 0, ExecutorState.EXITED,
                null, 0, true));
        assertEquals(ApplicationState.FINISHED, master.term().apps().get(appId).state());
        assertEquals(BookedExecutor.State.KILLING, master.booked(appId, 1).state());
        sentOne(effects, KillExecutor.class, "w1");
        assertTrue(sent(effects, ApplicationRemoved.class).isEmpty(), "not failed: the driver is gone anyway");
        assertNull(action(master.schedule()), "nothing is launched for a finished app");
    }

    @Test
    void when_KillExecutors_then_KILLING_executor_keeps_its_cores_booked_until_reported_gone() {
        master.elect(1);
        master.joinWorker("w1", 1, 2, 4096);
        master.registerApp("d1", app(null, 1, 512));
        String appId = master.term().appOrder().get(0);
        master.schedule();
        List<Effect> kill = master.receive("d1", new KillExecutors(appId, List.of(0)));
        assertEquals("MasterHandleKillExecutors", action(kill));
        assertEquals(BookedExecutor.State.KILLING, master.booked(appId, 0).state());
        assertNull(action(master.schedule()), "the worker's 2 cores are still booked");
        master.report("w1", 1, appId, 0, ExecutorState.KILLED);
        List<Effect> after = master.schedule();
        assertEquals(2, sentOne(after, LaunchExecutor.class, "w1").execId);
    }

    @Test
    void when_KillExecutors_for_a_KILLING_executor_then_no_step() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        master.receive("d1", new KillExecutors(appId, List.of(0)));
        assertTrue(master.receive("d1", new KillExecutors(appId, List.of(0))).isEmpty());
    }

    @Test
    void when_UnregisterApplication_then_tombstone_and_a_late_registration_is_refused() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        List<Effect> effects = master.receive("d1", new UnregisterApplication(appId));
        assertEquals("MasterHandleUnregisterApplication", action(effects));
        assertEquals(2, sent(effects, KillExecutor.class, "w1").size());
        List<Effect> late = master.registerApp("d1", app(2, 1, 512));
        assertEquals(appId, sentOne(late, ApplicationRemoved.class, "d1").appId);
        assertTrue(persisted(late).isEmpty());
        assertEquals(1, master.term().apps().size());
    }

    @Test
    void when_tombstone_persisted_by_an_earlier_term_then_registration_refused_after_failover() {
        AppRecord tombstone = activeApp("app-1-0000", "d1", app(null, 1, 512), 3, Integer.MAX_VALUE)
                .withState(AppRecord.State.FINISHED);
        master.elect(2, tombstone);
        assertEquals(MasterRole.ALIVE, master.core.state().role(), "a tombstone is nothing to recover");
        List<Effect> effects = master.registerApp("d1", app(null, 1, 512));
        assertEquals("app-1-0000", sentOne(effects, ApplicationRemoved.class, "d1").appId);
    }

    @Test
    void when_driver_disconnects_then_its_app_ends() {
        String appId = aliveWithWorkerAndApp();
        List<Effect> effects = master.step(new Input.Disconnected("d1"));
        assertEquals("MasterHandleDriverDisconnected", action(effects));
        assertEquals(ApplicationState.FINISHED, master.term().apps().get(appId).state());
        assertTrue(master.step(new Input.Disconnected("w1")).isEmpty(), "a worker's disconnect is not a driver's");
    }

    @Test
    void when_RequestExecutors_then_target_persisted_and_schedule_respects_it() {
        master.elect(1);
        master.joinWorker("w1", 1, 8, 8192);
        master.registerApp("d1", MasterProbe.dynamicApp(1, 512, 0));
        String appId = master.term().appOrder().get(0);
        assertNull(action(master.schedule()), "target 0");
        List<Effect> effects = master.receive("d1", new RequestExecutors(appId, 3));
        assertEquals("MasterHandleRequestExecutors", action(effects));
        assertEquals(3, ((AppRecord) persisted(effects).get(0)).target());
        assertEquals(3, sent(master.schedule(), LaunchExecutor.class).size());
    }

    @Test
    void when_worker_times_out_then_removed_unpersisted_its_executors_LOST_and_told_to_reconnect() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        master.nowMs += 30_000;
        master.receive("w1", new Heartbeat("w1", 1));
        master.nowMs += 40_000;
        assertNull(action(master.fire("MasterWorkerTimeout", "w1")), "heard 40 s ago");
        master.nowMs += 30_000;
        List<Effect> effects = master.fire("MasterWorkerTimeout", "w1");
        assertEquals("MasterWorkerTimeout", action(effects));
        assertEquals(List.of(WorkerRecord.keyOf("w1")), unpersisted(effects));
        assertEquals(1, sentOne(effects, ReconnectWorker.class, "w1").incarnation);
        assertEquals(2, sent(effects, ExecutorUpdated.class, "d1").size());
        assertTrue(master.term().executors().isEmpty());
        assertEquals(MasterWorker.State.NONE, master.term().workers().get("w1").state());
        assertTrue(master.term().apps().get(appId).state() == ApplicationState.RUNNING);
    }

    @Test
    void when_RegisterWorker_of_a_removed_incarnation_then_ReconnectWorker() {
        aliveWithWorkerAndApp();
        master.nowMs += 61_000;
        master.fire("MasterWorkerTimeout", "w1");
        List<Effect> effects = master.registerWorker("w1", 1, 4, 4096);
        assertEquals("MasterHandleRegisterWorker", action(effects));
        assertEquals(1, sentOne(effects, ReconnectWorker.class, "w1").incarnation);
        List<Effect> again = master.registerWorker("w1", 2, 4, 4096);
        sentOne(again, RegisteredWorker.class, "w1");
    }

    @Test
    void when_RegisterWorker_of_a_newer_incarnation_then_the_old_incarnations_executors_are_LOST() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        List<Effect> effects = master.registerWorker("w1", 2, 4, 4096);
        assertEquals(2, sent(effects, ExecutorUpdated.class, "d1").size());
        assertNull(master.booked(appId, 0));
        assertEquals(2, master.term().workers().get("w1").incarnation());
    }

    @Test
    void when_heartbeat_of_an_incarnation_the_master_does_not_hold_then_ReconnectWorker() {
        master.elect(1);
        List<Effect> effects = master.receive("w9", new Heartbeat("w9", 3));
        assertEquals("MasterHandleHeartbeat", action(effects));
        assertEquals(3, sentOne(effects, ReconnectWorker.class, "w9").incarnation);
        master.joinWorker("w1", 1, 4, 4096);
        assertTrue(master.receive("w1", new Heartbeat("w1", 1)).isEmpty(), "a known heartbeat is no spec step");
    }

    @Test
    void when_elected_with_records_then_RECOVERING_and_MasterChanged_to_every_recovered_worker_and_driver() {
        List<Effect> effects = master.elect(2, worker("w1", 4, 4, 4096),
                activeApp("app-1-0000", "d1", app(null, 1, 512), 2, Integer.MAX_VALUE));
        assertEquals(MasterRole.RECOVERING, master.core.state().role());
        MasterChanged toWorker = sentOne(effects, MasterChanged.class, "w1");
        assertEquals(2, toWorker.epoch);
        assertEquals(4, toWorker.incarnation);
        sentOne(effects, MasterChanged.class, "d1");
        assertEquals("MasterElectedLeader", action(effects));
    }

    @Test
    void when_recovery_answers_arrive_then_executors_are_adopted_only_while_RECOVERING() {
        master.elect(2, worker("w1", 4, 4, 4096), activeApp("app-1-0000", "d1", app(null, 1, 512), 2, Integer.MAX_VALUE));
        List<Effect> answer = master.receive("w1", new WorkerSchedulerStateResponse(2, "w1", 4,
                List.of(running("app-1-0000", 0, 1, 512), running("app-1-0000", 5, 1, 512), running("app-0-0000", 0, 1, 512))));
        assertEquals("MasterHandleWorkerSchedulerStateResponse", action(answer));
        assertEquals(BookedExecutor.State.RUNNING, master.booked("app-1-0000", 0).state(), "adopted");
        List<KillExecutor> kills = sent(answer, KillExecutor.class, "w1");
        assertEquals(2, kills.size(), "an id never handed out, and an unknown app: killed");
        List<Effect> ack = master.receive("d1", new MasterChangeAcknowledged(2, "app-1-0000"));
        assertEquals("MasterHandleMasterChangeAcknowledged", action(ack));
        assertEquals(1, cluster.core.Effects.timers(ack).stream()
                .filter(t -> t.name().equals("MasterCompleteRecovery") && t.delayMs() == 0).count(), "everyone answered");
        assertEquals("MasterCompleteRecovery", action(master.fire("MasterCompleteRecovery", "")));
        assertEquals(MasterRole.ALIVE, master.core.state().role());
        // w1 is ALIVE: a later list of it is a late or repeated answer, only consumed
        List<Effect> latest = master.receive("w1", new WorkerLatestState(2, "w1", 4, List.of(running("app-1-0000", 1, 1, 512))));
        assertEquals("MasterHandleWorkerLatestState", action(latest));
        assertTrue(cluster.core.Effects.trace(latest).changed().isEmpty());
        assertTrue(sent(latest, KillExecutor.class).isEmpty());
        assertNull(master.booked("app-1-0000", 1));
    }

    @Test
    void when_executor_ids_continue_after_failover_then_they_start_from_the_persisted_counter() {
        master.elect(2, worker("w1", 1, 4, 4096), activeApp("app-1-0000", "d1", app(null, 1, 512), 5, Integer.MAX_VALUE));
        master.receive("w1", new WorkerSchedulerStateResponse(2, "w1", 1, List.of()));
        master.receive("d1", new MasterChangeAcknowledged(2, "app-1-0000"));
        master.fire("MasterCompleteRecovery", "");
        List<Effect> effects = master.schedule();
        List<Integer> ids = sent(effects, LaunchExecutor.class, "w1").stream().map(l -> l.execId).toList();
        assertEquals(List.of(5, 6, 7, 8), ids);
        assertEquals(9, ((AppRecord) persisted(effects).get(0)).nextExecId());
    }

    @Test
    void when_recovery_times_out_then_silent_workers_are_removed_and_silent_apps_finished() {
        master.elect(2, worker("w1", 1, 4, 4096), activeApp("app-1-0000", "d1", app(null, 1, 512), 0, Integer.MAX_VALUE));
        List<Effect> effects = master.fire("MasterCompleteRecovery", "");
        assertEquals("MasterCompleteRecovery", action(effects));
        assertEquals(List.of(WorkerRecord.keyOf("w1")), unpersisted(effects));
        sentOne(effects, ApplicationRemoved.class, "d1");
        assertEquals(AppRecord.State.FINISHED, ((AppRecord) master.store.get(AppRecord.keyOf("app-1-0000"))).state());
        assertEquals(MasterWorker.State.NONE, master.term().workers().get("w1").state());
    }

    @Test
    void when_a_recovered_app_registers_again_then_it_keeps_its_id() {
        master.elect(2, activeApp("app-1-0000", "d1", app(null, 1, 512), 3, Integer.MAX_VALUE));
        List<Effect> effects = master.registerApp("d1", app(null, 1, 512));
        assertEquals("app-1-0000", sentOne(effects, RegisteredApplication.class, "d1").appId);
        assertEquals(ApplicationState.WAITING, master.term().apps().get("app-1-0000").state());
    }

    @Test
    void when_stale_epoch_answers_arrive_then_ignored() {
        master.elect(2, worker("w1", 1, 4, 4096));
        assertTrue(master.receive("w1", new WorkerSchedulerStateResponse(1, "w1", 1, List.of())).isEmpty());
        assertTrue(master.receive("d1", new MasterChangeAcknowledged(1, "app-1-0000")).isEmpty());
    }

    @Test
    void when_leadership_revoked_then_STANDBY_with_empty_books_and_old_timers_do_nothing() {
        aliveWithWorkerAndApp();
        List<Effect> effects = master.step(new Input.RevokedLeadership());
        assertEquals("MasterRevokedLeadership", action(effects));
        assertEquals(MasterRole.STANDBY, master.core.state().role());
        assertNull(master.core.state().term());
        assertTrue(master.step(new Input.TimerFired("MasterSchedule", "1:")).isEmpty());
        master.elect(3);
        assertTrue(master.step(new Input.TimerFired("MasterSchedule", "1:")).isEmpty(), "a timer of term 1");
        assertTrue(master.core.state().term().apps().isEmpty(), "a new term starts from the store only");
    }

    @Test
    void when_a_write_fails_then_the_master_steps_down() {
        master.elect(1);
        assertEquals("MasterRevokedLeadership", action(master.step(new Input.PersistFailed("app/x", "lease lost"))));
        assertFalse(master.core.state().role().leading());
    }

    @Test
    void when_restarted_then_MasterRestart_as_a_STANDBY() {
        assertEquals("MasterRestart", action(master.step(new Input.Started(true))));
        assertTrue(master.step(new Input.Started(false)).isEmpty(), "the first start is the spec's Init");
    }

    @Test
    void when_LaunchExecutor_unanswered_then_resent_until_RUNNING() {
        String appId = aliveWithWorkerAndApp();
        master.schedule();
        List<Effect> resend = master.fire("MasterResendExecutorCommand", appId + "/0");
        assertEquals("MasterResendExecutorCommand", action(resend));
        assertEquals(0, sentOne(resend, LaunchExecutor.class, "w1").execId);
        master.report("w1", 1, appId, 0, ExecutorState.RUNNING);
        assertTrue(master.fire("MasterResendExecutorCommand", appId + "/0").isEmpty());
    }

    @Test
    void when_trace_event_then_it_carries_the_changed_spec_variables_only() {
        master.elect(1);
        Effect.TraceEvent registered = cluster.core.Effects.trace(master.registerWorker("w1", 1, 4, 4096));
        assertEquals(java.util.Set.of("mWorkers"), registered.changed().keySet());
        Effect.TraceEvent listed = cluster.core.Effects.trace(master.latestState("w1", 1));
        assertEquals(java.util.Set.of("mWorkers", "mWorkerOrder"), listed.changed().keySet());
    }
}
