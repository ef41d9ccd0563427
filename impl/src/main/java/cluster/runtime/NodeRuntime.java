package cluster.runtime;

import cluster.coordination.CoordinationService;
import cluster.core.Effect;
import cluster.core.Input;
import cluster.messages.Envelope;
import cluster.trace.TraceEntry;
import cluster.trace.TraceSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Drives one sans-IO protocol core on the node's single-threaded event loop and carries out its effects:
 * messages through the {@link Router}, timers on the loop, persisted writes through the coordination service,
 * processes through {@link ProcessControl}, and one trace entry per traced step.
 *
 * <p>The runtime contract of {@link Effect}: a step's effects run in order, and across steps too; while a
 * persisted write is outstanding nothing after it runs (messages never overtake the record they depend on), and
 * the core takes no other input: its next input is the write's outcome, as the simulator gives it. When the write
 * fails, the rest of its step is dropped (its sends and its trace event) and the core hears
 * {@link Input.PersistFailed}; inputs that came meanwhile follow. (Were they stepped while the write was out, a
 * failure would have to drop their effects too, trace events included, while the core kept their state changes:
 * a leader revoked meanwhile would step down with no MasterRevokedLeadership in its trace.)
 *
 * <p>Causality for the trace checker: every traced step counts one event of this node in its vector clock;
 * a received envelope's clock is merged in; every sent envelope carries the clock and a per-node message id.
 * All methods except {@link #submit} must be called on the loop.
 */
public final class NodeRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRuntime.class);

    /** A protocol core: {@code MasterCore::step}, {@code WorkerCore::step}, ... */
    @FunctionalInterface
    public interface Core {
        List<Effect> step(Input input, long nowMs);
    }

    /** What the runtime does for process effects (the worker launches executors; an executor exits). */
    public interface ProcessControl {
        ProcessControl NONE = new ProcessControl() {
        };

        default void launch(Effect.LaunchProcess launch) {
            throw new UnsupportedOperationException("this node does not launch processes: " + launch);
        }

        default void kill(Effect.KillProcess kill) {
            throw new UnsupportedOperationException("this node does not kill processes: " + kill);
        }

        default void exit(int exitCode) {
            throw new UnsupportedOperationException("this node does not exit on request");
        }

        /** An executor tells its worker it registered with its driver ({@code clock}: its own, after that step). */
        default void reportRegistered(Effect.ReportRegistered registered, Map<String, Long> clock) {
            throw new UnsupportedOperationException("this node does not report registrations: " + registered);
        }
    }

    /** Sees every input and the effects it produced, after they were queued (timelines, sample apps, status). */
    @FunctionalInterface
    public interface StepObserver {
        void stepped(Input input, List<Effect> effects);
    }

    /** One step whose effects are being carried out. */
    private static final class PendingStep {
        final Envelope received;
        final List<Effect> effects;
        int next;
        TraceEntry traced;
        final List<TraceEntry.MessageRef> sent = new ArrayList<>();

        PendingStep(Envelope received, List<Effect> effects) {
            this.received = received;
            this.effects = effects;
        }
    }

    private final String nodeId;
    private final Core core;
    private final ScheduledExecutorService loop;
    private final ProcessControl processes;
    private final TraceSink trace;
    private final long startNanos = System.nanoTime();
    private final Map<String, Long> clock = new LinkedHashMap<>();
    private final Map<String, ScheduledFuture<?>> timers = new HashMap<>();
    private final Deque<PendingStep> pending = new ArrayDeque<>();
    /** Inputs that came while a write was out, with the envelope each came in (or null), in order. */
    private final Deque<Map.Entry<Input, Envelope>> deferred = new ArrayDeque<>();
    private final List<StepObserver> observers = new CopyOnWriteArrayList<>();
    private final Router router;
    private CoordinationService coordination;
    private long seq;
    private long nextMsgId;
    private boolean writeInFlight;
    private boolean stopped;

    public NodeRuntime(String nodeId, Core core, ScheduledExecutorService loop, Router router,
            ProcessControl processes, TraceSink trace) {
        this.nodeId = nodeId;
        this.core = core;
        this.loop = loop;
        this.processes = processes;
        this.trace = trace;
        this.router = router;
        router.bind(this);
    }

    public String nodeId() {
        return nodeId;
    }

    public ScheduledExecutorService loop() {
        return loop;
    }

    /** Masters only: where {@link Effect.Persist} and {@link Effect.Unpersist} go. */
    public void attach(CoordinationService service) {
        this.coordination = service;
    }

    public void observe(StepObserver observer) {
        observers.add(observer);
    }

    /** Milliseconds since this runtime started, from the monotonic clock: the cores' {@code nowMs}. */
    public long nowMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }

    /** Hands {@code input} to the core from any thread (runs on the loop). */
    public void submit(Input input) {
        execute(() -> input(input));
    }

    /** Runs {@code task} on the loop, unless the node has stopped. */
    public void execute(Runnable task) {
        try {
            loop.execute(() -> {
                if (!stopped) {
                    task.run();
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("{}: loop stopped, task dropped", nodeId);
        }
    }

    /**
     * Sends a message that is not a protocol step (tasks and their results, which the spec does not model):
     * no trace entry, but it carries the vector clock like any message. From any thread.
     */
    public void sendUntraced(String to, cluster.messages.Message message) {
        execute(() -> router.send(new Envelope(nodeId, to, ++nextMsgId, clock, message)));
    }

    /** One step of the core. On the loop. */
    public void input(Input input) {
        step(input, null);
    }

    /** A message arrived in {@code envelope}: one step of the core. On the loop. */
    void receive(Envelope envelope) {
        step(new Input.Received(envelope.src, envelope.body), envelope);
    }

    private void step(Input input, Envelope received) {
        if (stopped) {
            return;
        }
        boolean outcome = input instanceof Input.PersistCompleted || input instanceof Input.PersistFailed;
        if (!outcome && (writeInFlight || !deferred.isEmpty())) {
            deferred.addLast(new java.util.AbstractMap.SimpleImmutableEntry<>(input, received));
            return;
        }
        run(input, received);
    }

    /** Steps the core now. */
    private void run(Input input, Envelope received) {
        List<Effect> effects;
        try {
            effects = core.step(input, nowMs());
        } catch (RuntimeException e) {
            // A core that throws has a bug; the node keeps serving others rather than crash.
            LOG.error("{}: the protocol core failed on {}", nodeId, describe(input), e);
            return;
        }
        pending.addLast(new PendingStep(received, effects));
        drain();
        for (StepObserver o : observers) {
            o.stepped(input, effects);
        }
    }

    /** Carries out queued effects in order, stopping at a write until it completes. */
    private void drain() {
        while (!writeInFlight && !pending.isEmpty()) {
            PendingStep step = pending.peekFirst();
            while (!writeInFlight && step.next < step.effects.size()) {
                apply(step, step.effects.get(step.next++));
            }
            if (step.next == step.effects.size() && !writeInFlight) {
                pending.removeFirst();
                if (step.traced != null) {
                    TraceEntry t = step.traced;
                    trace.append(new TraceEntry(t.node(), t.seq(), t.vectorClock(), t.action(), t.received(),
                            step.sent, t.changed()));
                }
            }
        }
    }

    private void apply(PendingStep step, Effect effect) {
        if (effect instanceof Effect.Persist p) {
            write(p.record().key(), coordination().persist(p.epoch(), p.record()));
        } else if (effect instanceof Effect.Unpersist u) {
            write(u.key(), coordination().unpersist(u.epoch(), u.key()));
        } else if (effect instanceof Effect.TraceEvent t) {
            traceEvent(step, t);
        } else if (effect instanceof Effect.Send s) {
            send(step, s);
        } else if (effect instanceof Effect.SetTimer t) {
            setTimer(t);
        } else if (effect instanceof Effect.LaunchProcess l) {
            processes.launch(l);
        } else if (effect instanceof Effect.KillProcess k) {
            processes.kill(k);
        } else if (effect instanceof Effect.ExitProcess x) {
            processes.exit(x.exitCode());
        } else if (effect instanceof Effect.ReportRegistered r) {
            processes.reportRegistered(r, clock());
        }
    }

    private CoordinationService coordination() {
        if (coordination == null) {
            throw new IllegalStateException(nodeId + " has no coordination service but its core persists");
        }
        return coordination;
    }

    private void write(String key, CompletableFuture<Void> done) {
        writeInFlight = true;
        done.whenComplete((ok, failure) -> execute(() -> {
            writeInFlight = false;
            if (failure == null) {
                input(new Input.PersistCompleted(key));
                drain();
            } else {
                Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                LOG.warn("{}: write of {} failed ({}); dropping the rest of its step", nodeId, key, cause.toString());
                pending.clear();
                input(new Input.PersistFailed(key, cause.toString()));
            }
            while (!writeInFlight && !deferred.isEmpty() && !stopped) {
                Map.Entry<Input, Envelope> next = deferred.pollFirst();
                run(next.getKey(), next.getValue());
            }
        }));
    }

    private void traceEvent(PendingStep step, Effect.TraceEvent event) {
        if (step.received != null) {
            merge(step.received.vectorClock);
        }
        seq += 1;
        clock.put(nodeId, seq);
        TraceEntry.MessageRef received = step.received == null ? null : new TraceEntry.MessageRef(
                step.received.src, step.received.dest, step.received.msgId, step.received.body);
        step.traced = new TraceEntry(nodeId, seq, clock, event.action(), received, List.of(), event.changed());
    }

    /**
     * Causality that did not come in a message (on the loop): a process starts from its starter's clock, and a
     * worker that sees an executor end takes the executor's last clock.
     */
    public void mergeClock(Map<String, Long> other) {
        merge(other);
    }

    /** A node that ran before under this id goes on from its last traced event (before its first input). */
    public void resume(Traces.Resume resume) {
        seq = resume.lastSeq();
        merge(resume.clock());
        // Message ids name one send per node: go on past the earlier process's (with room for its untraced
        // heartbeats, which the trace does not show).
        nextMsgId = resume.restart() ? resume.lastMsgId() + 10_000 : nextMsgId;
    }

    /** This node's vector clock now (on the loop). */
    public Map<String, Long> clock() {
        return new LinkedHashMap<>(clock);
    }

    private void merge(Map<String, Long> other) {
        other.forEach((node, count) -> clock.merge(node, count, Math::max));
    }

    private void send(PendingStep step, Effect.Send send) {
        if (step.received != null && step.traced == null) {
            merge(step.received.vectorClock); // an untraced step still passes causality on
        }
        Envelope envelope = new Envelope(nodeId, send.to(), ++nextMsgId, clock, send.message());
        step.sent.add(new TraceEntry.MessageRef(nodeId, send.to(), envelope.msgId, send.message()));
        router.send(envelope);
    }

    private void setTimer(Effect.SetTimer t) {
        String id = t.name() + '\u0000' + t.key();
        ScheduledFuture<?> previous = timers.remove(id);
        if (previous != null) {
            previous.cancel(false);
        }
        Input fired = new Input.TimerFired(t.name(), t.key());
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = loop.schedule(() -> {
            if (timers.get(id) == self[0]) {
                timers.remove(id);
            }
            if (!stopped) {
                input(fired);
            }
        }, t.delayMs(), TimeUnit.MILLISECONDS);
        timers.put(id, self[0]);
    }

    /** Stops taking inputs and cancels timers; the trace is closed. On the loop or after the loop has stopped. */
    public void stop() {
        stopped = true;
        timers.values().forEach(f -> f.cancel(false));
        timers.clear();
        trace.close();
    }

    private static String describe(Input input) {
        return input instanceof Input.Received r ? r.message().type() + " from " + r.from() : input.toString();
    }
}
