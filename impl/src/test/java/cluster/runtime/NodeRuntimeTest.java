package cluster.runtime;

import cluster.coordination.CoordinationService;
import cluster.coordination.LeadershipListener;
import cluster.coordination.LeadershipLostException;
import cluster.core.Effect;
import cluster.core.Input;
import cluster.core.PersistedRecord;
import cluster.core.WorkerRecord;
import cluster.trace.TraceEntry;
import cluster.trace.TraceSink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime contract of {@link Effect} as {@link NodeRuntime} carries it out: nothing after a write runs before
 * the write is stored, and the core's next input is the write's outcome (inputs that came meanwhile follow it); a
 * failed write drops the rest of its step and the core hears PersistFailed, so a term that ended while the write
 * was out steps down before a newer one begins. What ran is seen through the trace, whose entry for a step is
 * written once all of the step's effects ran.
 */
class NodeRuntimeTest {
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
    private final List<Input> heard = new CopyOnWriteArrayList<>();
    private final List<String> traced = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> writes = new CopyOnWriteArrayList<>();
    private final WorkerRecord record = new WorkerRecord("worker@127.0.0.1:1", 1, "127.0.0.1", 1, 1, 1);

    /** A core that answers each input with a write (for inputs named "write ...") and one trace event. */
    private List<Effect> step(Input input, long nowMs) {
        heard.add(input);
        List<Effect> effects = new ArrayList<>();
        String name = input instanceof Input.TimerFired t ? t.name() : input.getClass().getSimpleName();
        if (name.startsWith("write")) {
            effects.add(new Effect.Persist(1, record));
        }
        effects.add(new Effect.TraceEvent(name, java.util.Map.of()));
        return effects;
    }

    private final NodeRuntime runtime = new NodeRuntime("master@127.0.0.1:7077", this::step, loop, new Router(),
            NodeRuntime.ProcessControl.NONE, new TraceSink() {
                @Override
                public void append(TraceEntry entry) {
                    traced.add(entry.action());
                }

                @Override
                public void close() {
                }
            });

    {
        runtime.attach(new CoordinationService() {
            @Override
            public void start(String masterId, LeadershipListener listener, Executor callbacks) {
            }

            @Override
            public CompletableFuture<Void> persist(long epoch, PersistedRecord r) {
                CompletableFuture<Void> write = new CompletableFuture<>();
                writes.add(write);
                return write;
            }

            @Override
            public CompletableFuture<Void> unpersist(long epoch, String key) {
                return persist(epoch, null);
            }

            @Override
            public void close() {
            }
        });
    }

    @AfterEach
    void stop() {
        loop.shutdownNow();
    }

    private void give(Input input) throws Exception {
        loop.submit(() -> runtime.input(input)).get(10, TimeUnit.SECONDS);
    }

    private void settle() throws Exception {
        loop.submit(() -> { }).get(10, TimeUnit.SECONDS);
    }

    private static Input timer(String name) {
        return new Input.TimerFired(name, "");
    }

    @Test
    void nothingAfterAWriteRunsBeforeItIsStored() throws Exception {
        give(timer("write one"));
        give(timer("after"));
        assertEquals(List.of(), traced, "the write is out: neither step has run to its end");
        writes.get(0).complete(null);
        settle();
        assertEquals(List.of("write one", "PersistCompleted", "after"), traced, "the outcome is the next input");
        assertTrue(heard.contains(new Input.PersistCompleted(record.key())));
    }

    @Test
    void aFailedWriteDropsEveryLaterEffectAndTheCoreHearsIt() throws Exception {
        give(timer("write one"));
        give(timer("after"));
        writes.get(0).completeExceptionally(new LeadershipLostException("lease gone"));
        settle();
        assertEquals(List.of("PersistFailed", "after"), traced, "the failed step left nothing; the next input follows");
        assertTrue(heard.get(heard.size() - 2) instanceof Input.PersistFailed);
    }

    @Test
    void aWriteOfAnEndedTermFailsBeforeTheNewTermBegins() throws Exception {
        give(timer("write one"));
        give(new Input.RevokedLeadership());
        give(new Input.ElectedLeader(2, List.of()));
        writes.get(0).completeExceptionally(new LeadershipLostException("term 1 is over"));
        settle();
        assertEquals(List.of("PersistFailed", "RevokedLeadership", "ElectedLeader"), traced,
                "only the failed write's own step is dropped; what came meanwhile is stepped after it, in order");
    }
}
