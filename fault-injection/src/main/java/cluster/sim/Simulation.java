package cluster.sim;

import cluster.core.Input;
import cluster.master.MasterConfig;
import cluster.master.MasterCore;
import cluster.messages.Message;
import cluster.trace.TraceSink;
import cluster.worker.WorkerConfig;
import cluster.worker.WorkerCore;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One simulated run: every protocol core of a cluster in this thread, a simulated clock, network, coordination
 * service and executor processes, faults and workload drawn from one {@link SplittableRandom} seeded by the run's
 * seed. Nothing reads the wall clock or iterates an identity-ordered collection, so a seed replays exactly.
 *
 * <p>Two phases, as TigerBeetle's VOPR: a faulty phase of {@link SimOptions#steps()} steps, where the nemesis and
 * the workload act and the safety properties are checked after every step; then the faults heal (partitions end,
 * paused processes resume, dead ones restart) and a quiet phase of {@link #QUIET_MS} simulated ms, still checked
 * after every step, at whose end the liveness properties must hold.
 */
public final class Simulation {
    /** Timeouts shorter than Spark's, so a run of a few hundred steps sees them fire. */
    static final long WORKER_TIMEOUT_MS = 6_000;
    static final long RECOVERY_TIMEOUT_MS = 6_000;
    static final long COMMAND_RETRY_MS = 1_000;
    static final long SESSION_TIMEOUT_MS = 3_000;
    static final long QUIET_MS = 60_000;
    /** A bound on the quiet phase, in case something runs in circles (then liveness fails). */
    static final int QUIET_STEP_LIMIT = 40_000;

    final SimOptions options;
    final SplittableRandom random;
    final ProtocolMutation mutation;
    final PriorityQueue<SimEvent> queue = new PriorityQueue<>();
    /** Inputs a node must get next, before anything else (the outcome of its own writes). */
    final java.util.ArrayDeque<SimEvent> urgent = new java.util.ArrayDeque<>();
    final Map<String, SimNode> nodes = new LinkedHashMap<>();
    final List<MasterNode> masters = new ArrayList<>();
    final List<WorkerNode> workers = new ArrayList<>();
    final List<DriverNode> drivers = new ArrayList<>();
    /** Live executor processes by node id. */
    final Map<String, ExecutorNode> executors = new LinkedHashMap<>();
    final SimNetwork network;
    final SimCoordination coordination = new SimCoordination();
    final History history = new History();
    final Map<String, Integer> faultCounts = new TreeMap<>();
    final Timeline timeline;
    final TraceRecorder tracer;
    final Processes processes;
    final Stepper stepper;
    final Nemeses nemeses;
    final Workload workload;
    final boolean spreadOut;
    long seq;
    private long earlySeq;
    long nowMs;
    long steps;
    boolean faultPhase = true;
    Violation violation;
    /** One line per step, for a person replaying a seed; null: silent. */
    java.io.PrintStream log;

    /**
     * @param timeline where the report's events go, or null (not recorded)
     * @param traceSink where trace entries go ({@link TraceSink#NONE}: tracing off, and free)
     */
    public Simulation(SimOptions options, Timeline timeline, TraceSink traceSink) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.mutation = options.variant().mutation();
        this.network = new SimNetwork(random, options.lossyPartitions());
        this.timeline = timeline;
        this.tracer = traceSink == TraceSink.NONE ? null : new TraceRecorder(traceSink);
        this.processes = new Processes(this);
        this.stepper = new Stepper(this);
        this.nemeses = new Nemeses(this);
        this.workload = new Workload(this);
        this.spreadOut = random.nextBoolean();
        buildCluster();
    }

    public Simulation(SimOptions options) {
        this(options, null, TraceSink.NONE);
    }

    /** Prints one line per step (time, node, what it was told, the spec action it took) to {@code out}. */
    public Simulation logTo(java.io.PrintStream out) {
        this.log = out;
        return this;
    }

    private void buildCluster() {
        List<String> masterIds = new ArrayList<>();
        for (int i = 1; i <= options.masters(); i++) {
            masterIds.add("master-" + i);
        }
        int defaultCores = random.nextInt(3) == 0 ? 2 + random.nextInt(4) : cluster.scheduler.AppDemand.UNLIMITED;
        int maxRetries = random.nextInt(3) == 0 ? 2 : 10;
        for (String id : masterIds) {
            MasterConfig config = new MasterConfig(id, "spark://" + id + ":7077", spreadOut, defaultCores, maxRetries,
                    WORKER_TIMEOUT_MS, RECOVERY_TIMEOUT_MS, COMMAND_RETRY_MS);
            MasterNode m = new MasterNode(id, config);
            masters.add(m);
            nodes.put(id, m);
        }
        for (int i = 1; i <= options.workers(); i++) {
            String id = "worker-" + i;
            int cores = 1 + random.nextInt(4);
            int memoryMb = 1024 + 512 * random.nextInt(7);
            WorkerConfig real = new WorkerConfig(id, "host-" + i, 7078, cores, memoryMb, masterIds, 1_000, 2_000,
                    1_500, 1_000);
            WorkerNode w = new WorkerNode(id, real);
            workers.add(w);
            nodes.put(id, w);
        }
    }

    /** Runs both phases; the first violation ends the run. */
    public RunResult run() {
        for (MasterNode m : masters) {
            processes.startMaster(m, false);
        }
        for (WorkerNode w : workers) {
            processes.startWorker(w, false);
        }
        workload.start();
        while (violation == null && steps < options.steps()) {
            nemeses.maybeStrike();
            workload.maybeAct();
            if (!stepOnce()) {
                break;
            }
        }
        faultPhase = false;
        long faultySteps = steps;
        if (violation == null) {
            quietPhase();
        }
        if (violation == null) {
            violation = LivenessChecks.check(this);
        }
        if (timeline != null) {
            timeline.finish(nowMs, violation);
        }
        if (tracer != null) {
            tracer.close();
        }
        return new RunResult(options, steps, faultySteps, nowMs, new TreeMap<>(faultCounts), history.launches,
                violation);
    }

    private void quietPhase() {
        nemeses.healAll();
        long quietStart = nowMs;
        if (timeline != null) {
            timeline.healed(nowMs);
        }
        long limit = steps + QUIET_STEP_LIMIT;
        while (violation == null && steps < limit) {
            SimEvent next = urgent.isEmpty() ? queue.peek() : urgent.peek();
            if (next == null || next.timeMs > quietStart + QUIET_MS) {
                nowMs = quietStart + QUIET_MS;
                return;
            }
            stepOnce();
        }
    }

    /** Takes the next event; false when nothing is left to happen at all. */
    boolean stepOnce() {
        while (true) {
            SimEvent event = urgent.isEmpty() ? queue.poll() : urgent.poll();
            if (event == null) {
                return false;
            }
            nowMs = Math.max(nowMs, event.timeMs);
            if (event.kind == SimEvent.Kind.ACTION) {
                event.action.run();
                steps++;
                return true;
            }
            if (stepper.deliver(event)) {
                steps++;
                return true;
            }
        }
    }

    long nextSeq() {
        return seq++;
    }

    /**
     * A sequence number that sorts before every one {@link #nextSeq} gives, for events that are due now and must
     * come before what was queued for the same time (a resumed process's held events); in the order asked for.
     */
    long nextEarlySeq() {
        return Long.MIN_VALUE + earlySeq++;
    }

    void at(long timeMs, Runnable action) {
        queue.add(SimEvent.action(timeMs, nextSeq(), action));
    }

    void input(SimNode node, long timeMs, Input input) {
        queue.add(SimEvent.input(timeMs, nextSeq(), node.id, node.life, input));
    }

    /** The node's very next input (the runtime reports a write's outcome before anything else happens to it). */
    void inputNext(SimNode node, Input input) {
        urgent.add(SimEvent.input(nowMs, nextSeq(), node.id, node.life, input));
    }

    void countFault(FaultKind kind) {
        faultCounts.merge(kind.label, 1, Integer::sum);
    }

    void violated(Violation.Kind kind, String property, String detail) {
        if (violation == null) {
            violation = new Violation(kind, property, detail, steps + 1, nowMs);
        }
    }

    /** The host a node runs on: an executor runs on its worker's machine. */
    static String hostOf(SimNode node) {
        return node instanceof ExecutorNode e ? e.workerId : node.id;
    }

    String hostOf(String nodeId) {
        SimNode node = nodes.get(nodeId);
        return node == null ? nodeId : hostOf(node);
    }

    /** The master currently holding the coordination service's lease (alive or not), or null. */
    MasterNode leaseHolder() {
        String participant = coordination.leader();
        if (participant == null) {
            return null;
        }
        for (MasterNode m : masters) {
            if (participant.equals(m.participant)) {
                return m;
            }
        }
        return null;
    }

    /** Spec HoldsLease(m): m's live process holds the lease of the epoch it leads with. */
    boolean holdsLease(MasterNode m) {
        MasterCore core = m.core;
        return m.alive && m.participant != null && m.participant.equals(coordination.leader())
                && core.state().epoch() == coordination.epoch();
    }

    Message toWorker(WorkerCore core, Message message) {
        return mutation.toWorker(core, message);
    }
}
