package cluster.executor;

import cluster.core.Effect;
import cluster.core.ExitCodes;
import cluster.core.Input;
import cluster.messages.RegisterExecutor;
import cluster.messages.RegisterExecutorFailed;
import cluster.messages.RegisteredExecutor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static cluster.core.Effects.action;
import static cluster.core.Effects.ofType;
import static cluster.core.Effects.sentOne;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Scenarios of the executor backend core. */
class ExecutorCoreTest {
    private final ExecutorCore executor = new ExecutorCore(new ExecutorConfig("app-1", 3, "w1", "host1", 2, "driver-1",
            "spark://exec-3", 1_000, 3));

    private List<Effect> step(Input input) {
        return executor.step(input, 0);
    }

    private List<Effect> retry() {
        return step(new Input.TimerFired("ExecutorRegisterWithDriver", ""));
    }

    @Test
    void when_started_then_ExecutorRegisterWithDriver() {
        List<Effect> effects = step(new Input.Started(false));
        assertEquals("ExecutorRegisterWithDriver", action(effects));
        RegisterExecutor request = sentOne(effects, RegisterExecutor.class, "driver-1");
        assertEquals(3, request.execId);
        assertEquals(2, request.cores);
    }

    @Test
    void when_RegisteredExecutor_then_registered_and_no_more_retries() {
        step(new Input.Started(false));
        List<Effect> effects = step(new Input.Received("driver-1", new RegisteredExecutor("app-1", 3)));
        assertEquals("ExecutorHandleRegisteredExecutor", action(effects));
        assertEquals(true, cluster.core.Effects.trace(effects).changed().containsKey("wExecs"));
        assertTrue(executor.registered());
        assertTrue(retry().isEmpty());
    }

    @Test
    void when_unanswered_then_retried_and_after_the_last_attempt_exits_as_driver_gone() {
        step(new Input.Started(false));
        assertEquals("ExecutorRegisterWithDriver", action(retry()));
        assertEquals("ExecutorRegisterWithDriver", action(retry()));
        List<Effect> giveUp = retry();
        assertNull(action(giveUp), "the worker takes ExecutorDriverGone when it sees the exit");
        assertEquals(ExitCodes.DRIVER_GONE, ofType(giveUp, Effect.ExitProcess.class).get(0).exitCode());
        assertTrue(retry().isEmpty(), "exiting: nothing more");
    }

    @Test
    void when_the_driver_disconnects_then_exits_as_driver_gone() {
        step(new Input.Started(false));
        List<Effect> effects = step(new Input.Disconnected("driver-1"));
        assertEquals(ExitCodes.DRIVER_GONE, ofType(effects, Effect.ExitProcess.class).get(0).exitCode());
        assertTrue(step(new Input.Disconnected("someone-else")).isEmpty());
    }

    @Test
    void when_registration_refused_then_exits_abnormally() {
        step(new Input.Started(false));
        List<Effect> effects = step(new Input.Received("driver-1", new RegisterExecutorFailed("app-1", 3, "duplicate")));
        assertEquals(ExitCodes.REGISTRATION_REFUSED, ofType(effects, Effect.ExitProcess.class).get(0).exitCode());
    }

    @Test
    void when_an_answer_for_another_executor_arrives_then_ignored() {
        step(new Input.Started(false));
        assertTrue(step(new Input.Received("driver-1", new RegisteredExecutor("app-1", 4))).isEmpty());
    }
}
