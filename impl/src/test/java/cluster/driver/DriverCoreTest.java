package cluster.driver;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.messages.ApplicationDescription;
import cluster.messages.ApplicationRemoved;
import cluster.messages.ApplicationState;
import cluster.messages.ExecutorAdded;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorUpdated;
import cluster.messages.KillExecutors;
import cluster.messages.MasterChangeAcknowledged;
import cluster.messages.MasterChanged;
import cluster.messages.Message;
import cluster.messages.RegisterApplication;
import cluster.messages.RegisterExecutor;
import cluster.messages.RegisteredApplication;
import cluster.messages.RegisteredExecutor;
import cluster.messages.RequestExecutors;
import cluster.messages.UnregisterApplication;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static cluster.core.Effects.action;
import static cluster.core.Effects.sent;
import static cluster.core.Effects.sentOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenarios of the driver core (app client and scheduler endpoint), in the spec's vocabulary. */
class DriverCoreTest {
    private static final ApplicationDescription DYNAMIC =
            new ApplicationDescription("pi", null, 1, 512, 0, List.of("java", "{{EXECUTOR_ID}}"));

    private final DriverCore driver = new DriverCore(DriverConfig.defaults("key-d1", "spark://d1", DYNAMIC,
            List.of("m1", "m2")));

    private List<Effect> step(Input input) {
        return driver.step(input, 0);
    }

    private List<Effect> receive(String from, Message message) {
        return step(new Input.Received(from, message));
    }

    private void registered(long epoch) {
        step(new Input.Started(false));
        receive("m1", new RegisteredApplication(epoch, "app-1", "m1"));
    }

    @Test
    void when_started_then_RegisterApplication_to_every_master_with_the_same_key() {
        List<Effect> effects = step(new Input.Started(false));
        assertNull(action(effects), "the spec's Init");
        assertEquals("key-d1", sentOne(effects, RegisterApplication.class, "m1").registrationKey);
        sentOne(effects, RegisterApplication.class, "m2");
    }

    @Test
    void when_RegisteredApplication_then_REGISTERED_with_that_master_and_epoch() {
        step(new Input.Started(false));
        List<Effect> effects = receive("m1", new RegisteredApplication(2, "app-1", "m1"));
        assertEquals("DriverHandleRegisteredApplication", action(effects));
        assertEquals(DriverState.Phase.REGISTERED, driver.state().phase());
        assertEquals("m1", driver.state().master());
        assertEquals(2, driver.state().epochFloor());
        assertTrue(step(new Input.TimerFired("DriverSendRegisterApplication", "")).isEmpty(), "no retry once registered");
    }

    @Test
    void when_unanswered_then_registration_sent_again() {
        step(new Input.Started(false));
        List<Effect> effects = step(new Input.TimerFired("DriverSendRegisterApplication", ""));
        assertEquals("DriverSendRegisterApplication", action(effects));
        assertEquals(2, sent(effects, RegisterApplication.class).size());
    }

    @Test
    void when_stale_epoch_RegisteredApplication_or_MasterChanged_then_refused() {
        registered(3);
        assertTrue(receive("m2", new RegisteredApplication(2, "app-1", "m2")).isEmpty());
        assertTrue(receive("m2", new MasterChanged(2, "m2", "spark://m2", 0)).isEmpty());
        assertEquals("m1", driver.state().master());
    }

    @Test
    void when_MasterChanged_then_follows_the_new_leader_and_acknowledges() {
        registered(1);
        List<Effect> effects = receive("m2", new MasterChanged(2, "m2", "spark://m2", 0));
        assertEquals("DriverHandleMasterChanged", action(effects));
        MasterChangeAcknowledged ack = sentOne(effects, MasterChangeAcknowledged.class, "m2");
        assertEquals(2, ack.epoch);
        assertEquals("app-1", ack.appId);
        assertEquals("m2", driver.state().master());
    }

    @Test
    void when_RegisterExecutor_then_counted_and_answered_and_ExecutorUpdated_removes_it() {
        registered(1);
        List<Effect> effects = receive("exec-1", new RegisterExecutor("app-1", 4, "host", 2, "spark://exec-1"));
        assertEquals("DriverHandleRegisterExecutor", action(effects));
        assertEquals(4, sentOne(effects, RegisteredExecutor.class, "exec-1").execId);
        assertEquals(Set.of(4), driver.state().executors());
        List<Effect> updated = receive("m1", new ExecutorUpdated(1, "app-1", 4, ExecutorState.EXITED, null, 0));
        assertEquals("DriverHandleExecutorUpdated", action(updated));
        assertTrue(driver.state().executors().isEmpty());
    }

    @Test
    void when_ExecutorAdded_then_nothing_is_counted_yet() {
        registered(1);
        List<Effect> effects = receive("m1", new ExecutorAdded(1, "app-1", 0, "w1", "h:1", 1, 512));
        assertEquals("DriverHandleExecutorAdded", action(effects));
        assertTrue(cluster.core.Effects.trace(effects).changed().isEmpty());
        assertTrue(driver.state().executors().isEmpty());
    }

    @Test
    void when_ApplicationRemoved_then_DONE_for_good() {
        registered(1);
        List<Effect> effects = receive("m1", new ApplicationRemoved(1, "app-1", ApplicationState.FAILED, "failed"));
        assertEquals("DriverHandleApplicationRemoved", action(effects));
        assertEquals(DriverState.Phase.DONE, driver.state().phase());
        assertTrue(receive("m1", new RegisteredApplication(5, "app-1", "m1")).isEmpty());
    }

    @Test
    void when_stopped_then_UnregisterApplication_to_the_master_followed() {
        registered(1);
        List<Effect> effects = step(new Input.StopRequested());
        assertEquals("DriverStop", action(effects));
        assertEquals("app-1", sentOne(effects, UnregisterApplication.class, "m1").appId);
        assertTrue(step(new Input.StopRequested()).isEmpty());
    }

    @Test
    void when_dynamic_allocation_asks_then_RequestExecutors_and_KillExecutors_with_one_id() {
        registered(1);
        List<Effect> request = step(new Input.ExecutorTotalRequested(3));
        assertEquals("DriverRequestExecutors", action(request));
        assertEquals(3, sentOne(request, RequestExecutors.class, "m1").requestedTotal);
        assertTrue(step(new Input.ExecutorKillRequested(7)).isEmpty(), "not a registered executor");
        receive("exec-7", new RegisterExecutor("app-1", 7, "host", 1, "spark://exec-7"));
        List<Effect> kill = step(new Input.ExecutorKillRequested(7));
        assertEquals("DriverKillExecutor", action(kill));
        assertEquals(List.of(7), sentOne(kill, KillExecutors.class, "m1").execIds);
    }

    @Test
    void when_the_master_connection_is_lost_then_registers_again_and_the_same_master_may_take_it_back() {
        registered(1);
        step(new Input.Disconnected("m1"));
        List<Effect> effects = step(new Input.TimerFired("DriverSendRegisterApplication", ""));
        assertEquals("DriverSendRegisterApplication", action(effects));
        assertEquals(DriverState.Phase.REGISTERING, driver.state().phase());
        assertEquals(1, driver.state().epochFloor(), "the floor stays: m1 may still lead term 1");
        assertEquals("DriverHandleRegisteredApplication", action(receive("m1", new RegisteredApplication(1, "app-1", "m1"))),
                "m1 still leads term 1: it takes the app back");
        assertEquals("m1", driver.state().master());
    }

    @Test
    void when_the_master_connection_is_lost_then_a_newer_leader_may_take_it_and_the_old_term_is_fenced_out() {
        registered(1);
        step(new Input.Disconnected("m1"));
        step(new Input.TimerFired("DriverSendRegisterApplication", ""));
        assertEquals("DriverHandleRegisteredApplication", action(receive("m2", new RegisteredApplication(2, "app-1", "m2"))));
        assertEquals(2, driver.state().epochFloor());
        assertTrue(receive("m1", new RegisteredApplication(1, "app-1", "m1")).isEmpty(), "term 1 is over for it");
    }
}
