package cluster.worker;

import cluster.core.Effect;
import cluster.core.ExitCodes;
import cluster.core.Input;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.ExecutorStateChangedAck;
import cluster.messages.Heartbeat;
import cluster.messages.KillExecutor;
import cluster.messages.LaunchExecutor;
import cluster.messages.MasterChanged;
import cluster.messages.Message;
import cluster.messages.ReconnectWorker;
import cluster.messages.RegisterWorker;
import cluster.messages.RegisteredWorker;
import cluster.messages.WorkerLatestState;
import cluster.messages.WorkerSchedulerStateResponse;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cluster.core.Effects.action;
import static cluster.core.Effects.ofType;
import static cluster.core.Effects.sent;
import static cluster.core.Effects.sentOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenarios of the worker core, named after the spec actions and messages they exercise. */
class WorkerCoreTest {
    private static final List<String> MASTERS = List.of("m1", "m2");

    private final WorkerCore worker = new WorkerCore(WorkerConfig.defaults("w1", "host1", 7078, 4, 4096, MASTERS), 1);
    private long nowMs = 0;

    private List<Effect> step(Input input) {
        return worker.step(input, nowMs);
    }

    private List<Effect> receive(String from, Message message) {
        return step(new Input.Received(from, message));
    }

    private List<Effect> fire(String name, String key) {
        return step(new Input.TimerFired(name, key));
    }

    private List<Effect> launch(long epoch, int execId, int cores) {
        return receive("m1", new LaunchExecutor(epoch, "w1", 1, "app-1", execId, cores, 512,
                List.of("java", "{{EXECUTOR_ID}}", "{{APP_ID}}", "{{WORKER_URL}}", "x{{CORES}}")));
    }

    private void registeredWith(String master, long epoch) {
        step(new Input.Started(false));
        receive(master, new RegisteredWorker(epoch, master, "spark://" + master, 1));
    }

    @Test
    void when_started_then_RegisterWorker_to_every_master_as_part_of_Init() {
        List<Effect> effects = step(new Input.Started(false));
        assertNull(action(effects));
        assertEquals(1, sentOne(effects, RegisterWorker.class, "m1").incarnation);
        sentOne(effects, RegisterWorker.class, "m2");
    }

    @Test
    void when_RegisteredWorker_then_follows_master_and_sends_WorkerLatestState() {
        step(new Input.Started(false));
        List<Effect> effects = receive("m1", new RegisteredWorker(3, "m1", "spark://m1", 1));
        assertEquals("WorkerHandleRegisteredWorker", action(effects));
        assertEquals("m1", worker.state().master());
        assertEquals(3, worker.state().epochFloor());
        assertEquals(3, sentOne(effects, WorkerLatestState.class, "m1").epoch);
    }

    @Test
    void when_RegisteredWorker_for_another_incarnation_then_ignored() {
        step(new Input.Started(false));
        assertTrue(receive("m1", new RegisteredWorker(3, "m1", "spark://m1", 7)).isEmpty());
    }

    @Test
    void when_LaunchExecutor_then_process_started_and_nothing_reported_yet() {
        registeredWith("m1", 2);
        List<Effect> effects = launch(2, 0, 2);
        assertEquals("WorkerHandleLaunchExecutor", action(effects));
        Effect.LaunchProcess process = ofType(effects, Effect.LaunchProcess.class).get(0);
        assertEquals(List.of("java", "0", "app-1", "spark://host1:7078", "x{{CORES}}"), process.command());
        assertTrue(sent(effects, ExecutorStateChanged.class).isEmpty(), "a started process is not yet RUNNING");
        assertTrue(worker.state().reports().isEmpty());
    }

    @Test
    void when_the_executor_registered_with_its_driver_then_WorkerReportExecutorRunning_reports_RUNNING_once() {
        registeredWith("m1", 2);
        launch(2, 0, 2);
        List<Effect> effects = step(new Input.ProcessRegistered("app-1", 0));
        assertEquals("WorkerReportExecutorRunning", action(effects));
        ExecutorStateChanged report = sentOne(effects, ExecutorStateChanged.class, "m1");
        assertEquals(ExecutorState.RUNNING, report.state);
        assertEquals(1, report.incarnation);
        assertTrue(worker.state().executors().iterator().next().running());
        assertTrue(step(new Input.ProcessRegistered("app-1", 0)).isEmpty(), "told twice: reported once");
    }

    @Test
    void when_an_executor_dies_before_registering_then_FAILED_is_its_only_report() {
        registeredWith("m1", 2);
        launch(2, 0, 1);
        ExecutorStateChanged report = sentOne(step(new Input.ProcessExited("app-1", 0, 1)), ExecutorStateChanged.class,
                "m1");
        assertEquals(ExecutorState.FAILED, report.state);
        assertTrue(step(new Input.ProcessRegistered("app-1", 0)).isEmpty(), "a notice after the exit is no news");
        assertEquals(1, worker.state().reports().size());
    }

    @Test
    void when_stale_epoch_LaunchExecutor_then_refused() {
        registeredWith("m1", 2);
        List<Effect> effects = launch(1, 0, 1);
        assertTrue(effects.isEmpty(), effects.toString());
        assertTrue(worker.state().executors().isEmpty());
    }

    @Test
    void when_duplicate_LaunchExecutor_then_ignored() {
        registeredWith("m1", 2);
        launch(2, 0, 1);
        List<Effect> duplicate = launch(2, 0, 1);
        assertEquals("WorkerHandleLaunchExecutor", action(duplicate));
        assertTrue(ofType(duplicate, Effect.LaunchProcess.class).isEmpty());
        assertTrue(sent(duplicate, ExecutorStateChanged.class).isEmpty());
        assertEquals(1, worker.state().executors().size());
    }

    @Test
    void when_LaunchExecutor_does_not_fit_then_refused_and_reported_FAILED() {
        registeredWith("m1", 2);
        launch(2, 0, 3);
        List<Effect> effects = launch(2, 1, 2);
        assertTrue(ofType(effects, Effect.LaunchProcess.class).isEmpty());
        assertEquals(ExecutorState.FAILED, sentOne(effects, ExecutorStateChanged.class, "m1").state);
        assertEquals(1, worker.state().executors().size());
    }

    @Test
    void when_LaunchExecutor_from_a_newer_epoch_then_floor_raised_and_older_commands_refused() {
        registeredWith("m1", 2);
        launch(5, 0, 1);
        assertEquals(5, worker.state().epochFloor());
        assertTrue(receive("m1", new KillExecutor(4, "w1", 1, "app-1", 0)).isEmpty());
    }

    @Test
    void when_KillExecutor_then_process_killed_and_KILLED_reported_and_a_late_launch_is_a_duplicate() {
        registeredWith("m1", 2);
        launch(2, 0, 1);
        List<Effect> effects = receive("m1", new KillExecutor(2, "w1", 1, "app-1", 0));
        assertEquals("WorkerHandleKillExecutor", action(effects));
        assertEquals(1, ofType(effects, Effect.KillProcess.class).size());
        assertEquals(ExecutorState.KILLED, sentOne(effects, ExecutorStateChanged.class, "m1").state);
        assertTrue(step(new Input.ProcessExited("app-1", 0, 143)).isEmpty(), "the exit of a killed process is not news");
    }

    @Test
    void when_KillExecutor_for_an_executor_never_launched_then_KILLED_reported_and_launch_refused_later() {
        registeredWith("m1", 2);
        List<Effect> effects = receive("m1", new KillExecutor(2, "w1", 1, "app-1", 9));
        assertEquals(ExecutorState.KILLED, sentOne(effects, ExecutorStateChanged.class, "m1").state);
        assertTrue(ofType(launch(2, 9, 1), Effect.LaunchProcess.class).isEmpty());
    }

    @Test
    void when_report_unacknowledged_then_resent_until_ExecutorStateChangedAck() {
        registeredWith("m1", 2);
        launch(2, 0, 1);
        step(new Input.ProcessRegistered("app-1", 0));
        List<Effect> resend = fire("WorkerSendExecutorStateChanged", "app-1/0/RUNNING");
        assertEquals("WorkerSendExecutorStateChanged", action(resend));
        sentOne(resend, ExecutorStateChanged.class, "m1");
        List<Effect> ack = receive("m1", new ExecutorStateChangedAck(2, 1, "app-1", 0, ExecutorState.RUNNING));
        assertEquals("WorkerHandleExecutorStateChangedAck", action(ack));
        assertTrue(worker.state().reports().isEmpty());
        assertTrue(fire("WorkerSendExecutorStateChanged", "app-1/0/RUNNING").isEmpty());
    }

    @Test
    void when_executor_exits_then_ExecutorExit_with_EXITED_or_FAILED() {
        registeredWith("m1", 2);
        launch(2, 0, 1);
        launch(2, 1, 1);
        List<Effect> normal = step(new Input.ProcessExited("app-1", 0, 0));
        assertEquals("ExecutorExit", action(normal));
        assertEquals(ExecutorState.EXITED, sentOne(normal, ExecutorStateChanged.class, "m1").state);
        List<Effect> failed = step(new Input.ProcessExited("app-1", 1, 1));
        ExecutorStateChanged report = sentOne(failed, ExecutorStateChanged.class, "m1");
        assertEquals(ExecutorState.FAILED, report.state);
        assertEquals(Integer.valueOf(1), report.exitStatus);
    }

    @Test
    void when_executor_exits_because_its_driver_is_gone_then_ExecutorDriverGone_reports_driverGone() {
        registeredWith("m1", 2);
        launch(2, 0, 1);
        List<Effect> effects = step(new Input.ProcessExited("app-1", 0, ExitCodes.DRIVER_GONE));
        assertEquals("ExecutorDriverGone", action(effects));
        ExecutorStateChanged report = sentOne(effects, ExecutorStateChanged.class, "m1");
        assertEquals(ExecutorState.EXITED, report.state);
        assertTrue(report.driverGone);
    }

    @Test
    void when_ReconnectWorker_then_executors_killed_and_re_registers_as_a_new_incarnation() {
        registeredWith("m1", 2);
        launch(2, 0, 1);
        List<Effect> effects = receive("m1", new ReconnectWorker(2, "m1", 1));
        assertEquals("WorkerHandleReconnectWorker", action(effects));
        assertEquals(1, ofType(effects, Effect.KillProcess.class).size());
        assertEquals(2, worker.state().incarnation());
        assertTrue(worker.state().executors().isEmpty() && worker.state().seen().isEmpty());
        List<Effect> register = fire("WorkerSendRegisterWorker", "");
        assertEquals("WorkerSendRegisterWorker", action(register));
        assertEquals(2, sentOne(register, RegisterWorker.class, "m2").incarnation);
        assertEquals(2, worker.state().epochFloor(), "no master was followed: the floor stays");
        assertTrue(launch(2, 1, 1).isEmpty(), "a command for the old incarnation");
    }

    @Test
    void when_the_master_connection_is_lost_then_the_worker_gives_up_on_it_and_that_master_can_take_it_back() {
        registeredWith("m1", 2);
        assertTrue(ofType(step(new Input.Disconnected("m1")), Effect.TraceEvent.class).isEmpty());
        List<Effect> effects = fire("WorkerSendRegisterWorker", "");
        assertEquals("WorkerSendRegisterWorker", action(effects));
        assertEquals(2, worker.state().epochFloor(), "the floor stays: m1 may still lead term 2");
        assertNull(worker.state().master());
        assertEquals(2, sent(effects, RegisterWorker.class).size());
        List<Effect> back = receive("m1", new RegisteredWorker(2, "m1", "spark://m1", 1));
        assertEquals("WorkerHandleRegisteredWorker", action(back), "m1 still leads term 2: it takes the worker back");
        assertEquals("m1", worker.state().master());
        assertTrue(launch(1, 0, 1).isEmpty(), "an older term stays fenced out");
    }

    @Test
    void when_the_master_connection_comes_back_in_time_then_no_step() {
        registeredWith("m1", 2);
        step(new Input.Disconnected("m1"));
        step(new Input.Connected("m1"));
        assertTrue(fire("WorkerSendRegisterWorker", "").isEmpty());
    }

    @Test
    void when_MasterChanged_then_follows_the_new_leader_answers_and_resends_pending_reports() {
        registeredWith("m1", 2);
        launch(2, 0, 1);
        step(new Input.ProcessRegistered("app-1", 0));
        List<Effect> effects = receive("m2", new MasterChanged(3, "m2", "spark://m2", 1));
        assertEquals("WorkerHandleMasterChanged", action(effects));
        WorkerSchedulerStateResponse answer = sentOne(effects, WorkerSchedulerStateResponse.class, "m2");
        assertEquals(1, answer.executors.size());
        assertEquals(3, answer.epoch);
        assertTrue(cluster.core.Effects.timers(effects).stream()
                .anyMatch(t -> t.name().equals("WorkerSendExecutorStateChanged") && t.delayMs() == 0));
        assertTrue(receive("m1", new MasterChanged(2, "m1", "spark://m1", 1)).isEmpty(), "stale epoch");
    }

    @Test
    void when_following_a_master_then_heartbeats_carry_the_incarnation() {
        registeredWith("m1", 2);
        List<Effect> effects = fire("SendHeartbeat", "");
        assertNull(action(effects));
        assertEquals(1, sentOne(effects, Heartbeat.class, "m1").incarnation);
    }

    @Test
    void when_restarted_then_WorkerRestart_then_registration_as_its_own_step() {
        WorkerCore restarted = new WorkerCore(WorkerConfig.defaults("w1", "host1", 7078, 4, 4096, MASTERS), 5);
        List<Effect> effects = restarted.step(new Input.Started(true), 0);
        assertEquals("WorkerRestart", action(effects));
        assertEquals(5L, cluster.core.Effects.trace(effects).changed().get("wInc"));
        List<Effect> register = restarted.step(new Input.TimerFired("WorkerSendRegisterWorker", ""), 0);
        assertEquals(5, sentOne(register, RegisterWorker.class, "m1").incarnation);
    }
}
