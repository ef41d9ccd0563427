package cluster.harness;

import cluster.core.Effect;
import cluster.core.ExecutorKey;
import cluster.core.Input;
import cluster.core.PersistedRecord;
import cluster.driver.DriverConfig;
import cluster.driver.DriverCore;
import cluster.executor.ExecutorConfig;
import cluster.executor.ExecutorCore;
import cluster.master.BookedExecutor;
import cluster.master.LeaderTerm;
import cluster.master.MasterConfig;
import cluster.master.MasterCore;
import cluster.master.MasterWorker;
import cluster.messages.ApplicationDescription;
import cluster.messages.Message;
import cluster.trace.TraceEntry;
import cluster.worker.RunningExecutor;
import cluster.worker.WorkerConfig;
import cluster.worker.WorkerCore;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * A deterministic in-memory cluster of the real protocol cores: one FIFO message queue (no network),
 * a simulated clock and timer table, a simulated coordination service (leader, epoch, records written
 * with compare-and-set on the lease), and executor processes that are executor cores. It runs the
 * runtime contract of {@link Effect}: writes before sends, and a failed write drops the rest of the step.
 * After every step it checks the spec's safety properties that can be seen from outside the cores.
 */
final class InMemoryCluster {
    /** A message on the network, with the id and vector clock its sender stamped on it (0 and empty when untraced). */
    record InFlight(String from, String to, Message message, long msgId, Map<String, Long> vectorClock) {
        InFlight(String from, String to, Message message) {
            this(from, to, message, 0, Map.of());
        }
    }

    record TraceRecord(String node, String action, Map<String, Object> changed) {
    }

    private record TimerId(String node, String name, String key) {
    }

    private record ExecutorProcess(String workerId, String appId, int execId) {
    }

    private static final int STEP_LIMIT = 20_000;
    static final int KILLED_EXIT_CODE = 143;

    long nowMs;
    private long timerSequence;
    private final Map<String, BiFunction<Input, Long, List<Effect>>> nodes = new LinkedHashMap<>();
    final Map<String, MasterCore> masters = new LinkedHashMap<>();
    final Map<String, WorkerCore> workers = new LinkedHashMap<>();
    final Map<String, DriverCore> drivers = new LinkedHashMap<>();
    final Map<String, ExecutorCore> executors = new LinkedHashMap<>();
    private final Map<String, ExecutorProcess> processes = new HashMap<>();
    private final Deque<InFlight> network = new ArrayDeque<>();
    private final Deque<Map.Entry<String, Input>> localEvents = new ArrayDeque<>();
    private final Map<TimerId, long[]> timers = new LinkedHashMap<>(); // id -> {due, sequence}
    final List<TraceRecord> trace = new ArrayList<>();
    final Map<ExecutorKey, Integer> launchCount = new LinkedHashMap<>();
    /** Executor ids started for each driver (the executors' commands name their driver). */
    private final Map<String, Set<Integer>> launchedFor = new HashMap<>();
    /** Drivers whose executors die at start up. */
    private final Set<String> dieAtStart = new java.util.HashSet<>();
    final List<InFlight> delivered = new ArrayList<>();
    /** Chaos: with a random source the network delivers in random order, and drops or duplicates at these rates. */
    private Random chaos;
    private double dropRate;
    private double duplicateRate;
    final Set<String> undroppable = new java.util.HashSet<>();
    // the coordination service
    String zkLeader;
    long zkEpoch;
    final Map<String, PersistedRecord> store = new LinkedHashMap<>();
    /** Tracing as the real runtime does it (one file per node), when {@link #traceTo} was called. */
    private ClusterTraceRecorder recorder;

    /** From now on every traced step is written to {@code dir} through a JsonLinesTraceSink per node. */
    void traceTo(Path dir) {
        recorder = new ClusterTraceRecorder(dir);
    }

    /** Closes the trace files (complete on disk afterwards). */
    void closeTrace() {
        if (recorder != null) {
            recorder.close();
        }
    }

    void addMaster(String id, MasterConfig config) {
        MasterCore core = new MasterCore(config);
        masters.put(id, core);
        nodes.put(id, core::step);
    }

    void addWorker(String id, int cores, int memoryMb, long incarnation) {
        WorkerCore core = new WorkerCore(WorkerConfig.defaults(id, "host-" + id, 7078, cores, memoryMb,
                List.copyOf(masters.keySet())), incarnation);
        workers.put(id, core);
        nodes.put(id, core::step);
    }

    void addDriver(String id, ApplicationDescription description) {
        DriverCore core = new DriverCore(DriverConfig.defaults("key-" + id, "spark://" + id, description,
                List.copyOf(masters.keySet())));
        drivers.put(id, core);
        nodes.put(id, core::step);
    }

    /** Every node starts (the spec's Init: registrations are in flight). */
    void startAll() {
        for (String id : List.copyOf(nodes.keySet())) {
            input(id, new Input.Started(false));
        }
    }

    /** The coordination service grants leadership to {@code masterId} with the next epoch and the stored records. */
    void elect(String masterId) {
        if (zkLeader != null) {
            throw new IllegalStateException(zkLeader + " still holds leadership");
        }
        zkEpoch += 1;
        zkLeader = masterId;
        if (recorder != null) {
            recorder.fromCoordination(masterId);
        }
        input(masterId, new Input.ElectedLeader(zkEpoch, List.copyOf(store.values())));
    }

    /** The leader's session ends without the master hearing of it yet (a partition from the service). */
    void expireSession() {
        zkLeader = null;
    }

    /** A master process dies: its messages and timers are gone, its session ends, its peers see the connection close. */
    void crashMaster(String masterId) {
        nodes.remove(masterId);
        masters.remove(masterId);
        timers.keySet().removeIf(t -> t.node.equals(masterId));
        network.removeIf(m -> m.to.equals(masterId));
        if (recorder != null) {
            recorder.toCoordination(masterId);
        }
        if (masterId.equals(zkLeader)) {
            zkLeader = null;
        }
        for (String peer : List.copyOf(nodes.keySet())) {
            if (workers.containsKey(peer) || drivers.containsKey(peer)) {
                localEvents.add(Map.entry(peer, new Input.Disconnected(masterId)));
            }
        }
    }

    /** A driver process dies: its executors and the masters see its connections close. */
    void crashDriver(String driverId) {
        nodes.remove(driverId);
        drivers.remove(driverId);
        timers.keySet().removeIf(t -> t.node.equals(driverId));
        network.removeIf(m -> m.to.equals(driverId));
        for (String peer : List.copyOf(nodes.keySet())) {
            if (masters.containsKey(peer) || executors.containsKey(peer)) {
                localEvents.add(Map.entry(peer, new Input.Disconnected(driverId)));
            }
        }
    }

    /** Every executor launched for this driver from now on dies at start up (exit 1), before it registers. */
    void executorsDieAtStart(String driver) {
        dieAtStart.add(driver);
    }

    /** An executor process ends by itself with {@code exitCode}; its worker sees the exit. */
    void executorProcessExits(String appId, int execId, int exitCode) {
        endProcess(executorNode(appId, execId), exitCode);
        runUntilIdle();
    }

    /**
     * ClusterChaosTest's schedule, after the cluster is set up with chaos on: m1 leads, some executor fails, m1
     * crashes, m2 is elected, another executor may fail, the network heals and time runs on.
     */
    void chaosFailoverSchedule(Random random) {
        elect("m1");
        advance(30_000 + random.nextInt(30_000));
        failSomeExecutor(random);
        advance(random.nextInt(20_000));
        crashMaster("m1");
        advance(random.nextInt(5_000));
        elect("m2");
        advance(random.nextInt(90_000));
        failSomeExecutor(random);
        heal();
        advance(300_000);
    }

    /** With probability 1/2 per worker (in order), one of its running executors exits with code 1. */
    void failSomeExecutor(Random random) {
        for (Map.Entry<String, WorkerCore> w : workers.entrySet()) {
            List<RunningExecutor> running = List.copyOf(w.getValue().state().executors());
            if (!running.isEmpty() && random.nextBoolean()) {
                RunningExecutor victim = running.get(random.nextInt(running.size()));
                executorProcessExits(victim.appId(), victim.execId(), 1);
                return;
            }
        }
    }

    /** Puts a message on the network as if {@code from} had sent it (e.g. a late command of a deposed leader). */
    void inject(String from, String to, Message message) {
        network.add(new InFlight(from, to, message));
    }

    /** From now on the network reorders, and drops and duplicates messages at the given rates. */
    void chaos(Random random, double drop, double duplicate) {
        this.chaos = random;
        this.dropRate = drop;
        this.duplicateRate = duplicate;
    }

    /** The network stops losing and duplicating (it may still reorder). */
    void heal() {
        dropRate = 0;
        duplicateRate = 0;
    }

    /** Hands a local input to a node and carries out its effects. */
    void input(String node, Input input) {
        input(node, input, null);
    }

    private void input(String node, Input input, InFlight message) {
        BiFunction<Input, Long, List<Effect>> core = nodes.get(node);
        if (core == null) {
            return; // the process is gone
        }
        if (recorder != null && message != null) {
            recorder.received(node, message.vectorClock());
        }
        apply(node, core.apply(input, nowMs), message);
        checkSafety();
    }

    /** Delivers messages and local events until none is left (time does not move). */
    void runUntilIdle() {
        for (int steps = 0; steps < STEP_LIMIT; steps++) {
            if (!localEvents.isEmpty()) {
                Map.Entry<String, Input> event = localEvents.poll();
                input(event.getKey(), event.getValue());
            } else if (!network.isEmpty()) {
                InFlight message = nextMessage();
                if (message == null) {
                    continue; // dropped
                }
                delivered.add(message);
                input(message.to, new Input.Received(message.from, message.message), message);
            } else {
                return;
            }
        }
        Map<String, Integer> histogram = new java.util.TreeMap<>();
        network.forEach(m -> histogram.merge(m.from + "->" + m.to + ":" + m.message.type(), 1, Integer::sum));
        throw new IllegalStateException("no quiescence after " + STEP_LIMIT + " steps; in flight: " + histogram);
    }

    private InFlight nextMessage() {
        if (chaos == null) {
            return network.poll();
        }
        List<InFlight> pending = new ArrayList<>(network);
        InFlight message = pending.remove(chaos.nextInt(pending.size()));
        double roll = chaos.nextDouble();
        if (roll >= duplicateRate) {
            network.clear();
            network.addAll(pending); // delivered once: consumed
        }
        boolean drop = roll >= duplicateRate && roll < duplicateRate + dropRate && !undroppable.contains(message.message.type());
        return drop ? null : message;
    }

    /** Lets {@code durationMs} pass: timers fire in due order, and each one's consequences run to the end. */
    void advance(long durationMs) {
        long until = nowMs + durationMs;
        runUntilIdle();
        Map<String, Integer> fired = new java.util.TreeMap<>();
        while (true) {
            if (fired.values().stream().mapToInt(Integer::intValue).sum() > STEP_LIMIT) {
                throw new IllegalStateException("timers keep firing: " + fired);
            }
            Map.Entry<TimerId, long[]> next = null;
            for (Map.Entry<TimerId, long[]> t : timers.entrySet()) {
                if (next == null || t.getValue()[0] < next.getValue()[0]
                        || (t.getValue()[0] == next.getValue()[0] && t.getValue()[1] < next.getValue()[1])) {
                    next = t;
                }
            }
            if (next == null || next.getValue()[0] > until) {
                break;
            }
            timers.remove(next.getKey());
            fired.merge(next.getKey().node + ":" + next.getKey().name, 1, Integer::sum);
            nowMs = Math.max(nowMs, next.getValue()[0]);
            input(next.getKey().node, new Input.TimerFired(next.getKey().name, next.getKey().key));
            runUntilIdle();
        }
        nowMs = until;
    }

    /** Carries out a step's effects; with tracing on, a traced step becomes one trace entry with what it sent. */
    private void apply(String node, List<Effect> effects, InFlight received) {
        List<TraceEntry.MessageRef> sent = new ArrayList<>();
        Effect.TraceEvent traced = applyEach(node, effects, sent);
        if (recorder != null && effects.stream().anyMatch(e -> e instanceof Effect.Persist || e instanceof Effect.Unpersist)) {
            recorder.toCoordination(node);
        }
        if (recorder != null && traced != null) {
            recorder.write(node, traced, received == null ? null
                    : new TraceEntry.MessageRef(received.from, received.to, received.msgId, received.message), sent);
        }
    }

    /** Returns the step's trace event if the runtime got as far as it (no failed write before it). */
    private Effect.TraceEvent applyEach(String node, List<Effect> effects, List<TraceEntry.MessageRef> sent) {
        Effect.TraceEvent traced = null;
        for (Effect effect : effects) {
            if (effect instanceof Effect.Persist p) {
                if (!holdsLease(node, p.epoch())) {
                    localEvents.add(Map.entry(node, new Input.PersistFailed(p.record().key(), "not the leader of " + p.epoch())));
                    return traced; // the runtime drops everything after a failed write
                }
                store.put(p.record().key(), p.record());
            } else if (effect instanceof Effect.Unpersist u) {
                if (!holdsLease(node, u.epoch())) {
                    localEvents.add(Map.entry(node, new Input.PersistFailed(u.key(), "not the leader of " + u.epoch())));
                    return traced;
                }
                store.remove(u.key());
            } else if (effect instanceof Effect.TraceEvent t) {
                trace.add(new TraceRecord(node, t.action(), t.changed()));
                traced = t;
                if (recorder != null) {
                    recorder.stepTraced(node);
                }
            } else if (effect instanceof Effect.Send s) {
                InFlight message = new InFlight(node, s.to(), s.message());
                if (recorder != null) {
                    ClusterTraceRecorder.Stamp stamp = recorder.send(node);
                    message = new InFlight(node, s.to(), s.message(), stamp.msgId(), stamp.vectorClock());
                    sent.add(ClusterTraceRecorder.ref(node, s.to(), stamp, s.message()));
                }
                if (nodes.containsKey(s.to())) {
                    network.add(message);
                }
            } else if (effect instanceof Effect.LaunchProcess l) {
                launch(node, l);
            } else if (effect instanceof Effect.KillProcess k) {
                endProcess(executorNode(k.appId(), k.execId()), KILLED_EXIT_CODE);
            } else if (effect instanceof Effect.ExitProcess x) {
                endProcess(node, x.exitCode());
            } else if (effect instanceof Effect.ReportRegistered r) {
                registered(node);
            } else if (effect instanceof Effect.SetTimer t) {
                timers.put(new TimerId(node, t.name(), t.key()), new long[] {nowMs + t.delayMs(), timerSequence++});
            }
        }
        return traced;
    }

    private boolean holdsLease(String node, long epoch) {
        return node.equals(zkLeader) && epoch == zkEpoch;
    }

    static String executorNode(String appId, int execId) {
        return "exec-" + appId + "-" + execId;
    }

    /** The command is the harness's template: executor APP_ID EXECUTOR_ID HOSTNAME CORES --driver DRIVER. */
    private void launch(String workerId, Effect.LaunchProcess l) {
        launchCount.merge(new ExecutorKey(l.appId(), l.execId()), 1, Integer::sum);
        List<String> command = l.command();
        String driver = command.get(command.indexOf("--driver") + 1);
        launchedFor.computeIfAbsent(driver, k -> new java.util.TreeSet<>()).add(l.execId());
        String id = executorNode(l.appId(), l.execId());
        ExecutorCore core = new ExecutorCore(ExecutorConfig.defaults(command.get(1), Integer.parseInt(command.get(2)),
                workerId, command.get(3), Integer.parseInt(command.get(4)), driver, "spark://" + id));
        executors.put(id, core);
        processes.put(id, new ExecutorProcess(workerId, l.appId(), l.execId()));
        if (recorder != null) {
            recorder.inherit(id, workerId);
        }
        nodes.put(id, core::step);
        if (dieAtStart.contains(driver)) {
            endProcess(id, 1); // e.g. a bad class path: the process starts and exits before registering
            return;
        }
        localEvents.add(Map.entry(id, new Input.Started(false)));
    }

    /** The executor tells its worker it registered with its driver (a local event, as its exit is). */
    private void registered(String executorNode) {
        ExecutorProcess process = processes.get(executorNode);
        if (process == null) {
            return;
        }
        if (recorder != null) {
            recorder.inherit(process.workerId, executorNode);
        }
        localEvents.add(Map.entry(process.workerId, new Input.ProcessRegistered(process.appId, process.execId)));
    }

    private void endProcess(String executorNode, int exitCode) {
        ExecutorProcess process = processes.remove(executorNode);
        if (process == null) {
            return;
        }
        nodes.remove(executorNode);
        executors.remove(executorNode);
        if (recorder != null) {
            recorder.inherit(process.workerId, executorNode);
        }
        timers.keySet().removeIf(t -> t.node.equals(executorNode));
        localEvents.add(Map.entry(process.workerId, new Input.ProcessExited(process.appId, process.execId, exitCode)));
    }

    /** The spec's safety properties visible from outside: checked after every step. */
    private void checkSafety() {
        for (Map.Entry<ExecutorKey, Integer> launched : launchCount.entrySet()) {
            check(launched.getValue() == 1, "ExecutorLaunchedOnce: " + launched.getKey() + " started " + launched.getValue() + " times");
        }
        Map<Long, String> leaders = new HashMap<>();
        for (Map.Entry<String, MasterCore> m : masters.entrySet()) {
            LeaderTerm term = m.getValue().state().term();
            if (term == null) {
                continue;
            }
            String other = leaders.put(term.epoch(), m.getKey());
            check(other == null, "OneLeaderPerEpoch: " + other + " and " + m.getKey() + " lead epoch " + term.epoch());
            for (MasterWorker w : term.workers().values()) {
                int cores = 0;
                for (BookedExecutor e : term.executors()) {
                    cores += e.workerId().equals(w.workerId()) ? e.cores() : 0;
                }
                check(cores <= w.cores(), "BooksWithinWorkerCapacity on " + w.workerId());
            }
        }
        for (Map.Entry<String, DriverCore> d : drivers.entrySet()) {
            Set<Integer> launched = launchedFor.getOrDefault(d.getKey(), Set.of());
            for (int execId : d.getValue().state().executors()) {
                check(launched.contains(execId), "DriverCountsOnlyLaunched: " + d.getKey() + " counts " + execId);
            }
        }
    }

    private static void check(boolean condition, String property) {
        if (!condition) {
            throw new AssertionError("safety property broken: " + property);
        }
    }

    List<String> tracedActions(String node) {
        List<String> actions = new ArrayList<>();
        for (TraceRecord r : trace) {
            if (r.node.equals(node)) {
                actions.add(r.action);
            }
        }
        return actions;
    }
}
