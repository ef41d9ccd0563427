package cluster.runtime.maelstrom;

import cluster.core.Input;
import cluster.core.PersistedRecord;
import cluster.coordination.LeadershipListener;
import cluster.master.MasterCore;
import cluster.runtime.ExecutorProcesses;
import cluster.runtime.MasterNode;
import cluster.runtime.MasterStatus;
import cluster.runtime.NodeRuntime;
import cluster.runtime.Router;
import cluster.runtime.SparkConf;
import cluster.runtime.Traces;
import cluster.trace.TraceSink;
import cluster.worker.WorkerConfig;
import cluster.worker.WorkerCore;
import io.netty.util.concurrent.DefaultThreadFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * A master or worker process whose network is the Maelstrom node protocol on stdin/stdout (the process harness of
 * fault-injection/ is the network and the {@code lin-kv} service). Its core runs on a {@link NodeRuntime} like
 * in a TCP process, with the same handlers and trace events; only the {@link Router}'s network differs. A master
 * elects and persists through {@link LinKvCoordination}; a worker launches its executors as real processes, which
 * reach their driver over loopback TCP (the driver listens there; the harness hosts it).
 *
 * <pre>MaelstromNode --role master|worker --masters n1,n2,n3 [--cores C --memory MB] [--lease-ms L]
 *               [--trace-dir D] [--work-dir D] [--conf key=value]...</pre>
 * The node id is the one {@code init} gives. Exit codes: 2 bad arguments, 0 when stdin ends.
 */
public final class MaelstromNode {

    private static final Logger LOG = LoggerFactory.getLogger(MaelstromNode.class);
    private static final List<String> OPTIONS = List.of("--role", "--masters", "--cores", "--memory", "--lease-ms",
            "--trace-dir", "--work-dir", "--conf");

    /**
     * How the node's core is wired: the protocol as built uses {@link #NONE}. A test harness may wrap a core's step
     * (fault-injection/'s broken variants rewrite what a core is told or says) by starting the node through
     * {@link #run} from a main class of its own; nothing in production does.
     */
    public interface CoreHook {
        CoreHook NONE = new CoreHook() {
        };

        /** The step function the master's runtime drives. */
        default NodeRuntime.Core master(MasterCore core) {
            return core::step;
        }

        /** The configuration the worker core is built with. */
        default WorkerConfig workerConfig(WorkerConfig real) {
            return real;
        }

        /** The step function the worker's runtime drives ({@code real}: the configuration before {@link #workerConfig}). */
        default NodeRuntime.Core worker(WorkerCore core, WorkerConfig real) {
            return core::step;
        }
    }

    private MaelstromNode() {
    }

    public static void main(String[] args) throws Exception {
        run(args, CoreHook.NONE);
    }

    /** Runs the node with its core wired through {@code hook}. */
    public static void run(String[] args, CoreHook hook) throws Exception {
        cluster.messages.codec.ChronicleStartup.skipNativePosixBinding();
        // Only protocol lines may reach stdout: keep it for them, send everything else (logs) to stderr.
        PrintStream protocol = System.out;
        System.setOut(System.err);
        Map<String, String> options = new LinkedHashMap<>();
        SparkConf conf = new SparkConf();
        try {
            parse(args, options, conf);
        } catch (IllegalArgumentException e) {
            System.err.println("maelstrom node: " + e.getMessage());
            System.exit(2);
            return;
        }
        MaelstromStdio stdio = new MaelstromStdio(protocol);
        Runnable[] atEnd = {() -> { }};
        stdio.start(System.in, () -> {
            LOG.info("stdin closed: the harness is gone; exiting");
            atEnd[0].run();
            Runtime.getRuntime().halt(0);
        });
        MaelstromStdio.Init init = stdio.awaitInit(60_000);
        ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
                new DefaultThreadFactory(init.nodeId() + "-loop", false));
        Router router = new Router();
        router.attach(stdio::sendEnvelope);
        // A node killed and started again under its id goes on with its trace (a restart, in the spec's terms).
        String traceDir = options.get("--trace-dir");
        Traces.Resume resume = Traces.resume(traceDir, init.nodeId());
        TraceSink trace = traceDir != null ? Traces.open(traceDir, init.nodeId(), resume) : TraceSink.NONE;
        List<String> masters = Arrays.asList(options.get("--masters").split(","));
        if (options.get("--role").equals("master")) {
            startMaster(init.nodeId(), stdio, loop, router, trace, resume, conf,
                    Long.parseLong(options.getOrDefault("--lease-ms", "1000")), hook);
        } else {
            atEnd[0] = startWorker(init.nodeId(), stdio, loop, router, trace, resume, conf, masters, options, hook);
        }
    }

    static void parse(String[] args, Map<String, String> options, SparkConf conf) {
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            String value = args[++i];
            if (name.equals("--conf")) {
                conf.setPair(value);
            } else {
                options.put(name, value);
            }
        }
        String role = options.get("--role");
        if (!"master".equals(role) && !"worker".equals(role)) {
            throw new IllegalArgumentException("--role must be master or worker, got " + role);
        }
        if (!options.containsKey("--masters") || options.get("--masters").isBlank()) {
            throw new IllegalArgumentException("--masters (the master node ids, comma-separated) is required");
        }
        for (String name : List.of("--cores", "--memory", "--lease-ms")) {
            if (options.containsKey(name)) {
                try {
                    if (Integer.parseInt(options.get(name)) < 0) {
                        throw new NumberFormatException();
                    }
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " must be a whole number, got " + options.get(name));
                }
            }
        }
    }

    private static void startMaster(String nodeId, MaelstromStdio stdio, ScheduledExecutorService loop, Router router,
            TraceSink trace, Traces.Resume resume, SparkConf conf, long leaseMs, CoreHook hook) throws Exception {
        MasterCore core = new MasterCore(MasterNode.config(nodeId, "maelstrom://" + nodeId, conf));
        NodeRuntime runtime = new NodeRuntime(nodeId, hook.master(core), loop, router, NodeRuntime.ProcessControl.NONE,
                trace);
        LinKvCoordination coordination = new LinKvCoordination(new LinKv(stdio, leaseMs / 2), leaseMs);
        runtime.attach(coordination);
        stdio.onRequest(MaelstromStatus.REQUEST, request -> MaelstromStatus.reply(runtime,
                () -> MasterStatus.of(nodeId, core.state())));
        start(runtime, resume);
        stdio.onEnvelope(envelope -> runtime.execute(() -> router.deliver(envelope)));
        coordination.start(nodeId, new LeadershipListener() {
            @Override
            public void elected(long epoch, List<PersistedRecord> records) {
                runtime.input(new Input.ElectedLeader(epoch, records));
            }

            @Override
            public void revoked() {
                runtime.input(new Input.RevokedLeadership());
            }

            @Override
            public void failed(Exception e) {
                LOG.error("{} cannot take part in the election: {}; the master exits", nodeId, e.getMessage());
                Runtime.getRuntime().halt(MasterNode.EXIT_STORE_UNREADABLE);
            }
        }, runtime::execute);
        LOG.info("master {} started on the Maelstrom network", nodeId);
    }

    /**
     * The first input: a fresh start, or a restart that goes on from the earlier life's last traced event. Queued
     * before the node takes messages, so that none is stepped before it (the spec's MasterRestart/WorkerRestart).
     */
    private static void start(NodeRuntime runtime, Traces.Resume resume) {
        runtime.execute(() -> {
            runtime.resume(resume);
            runtime.input(new Input.Started(resume.restart()));
        });
    }

    /** Starts the worker; returns what to do when the harness goes away (kill its executors). */
    private static Runnable startWorker(String nodeId, MaelstromStdio stdio, ScheduledExecutorService loop,
            Router router, TraceSink trace, Traces.Resume resume, SparkConf conf, List<String> masters,
            Map<String, String> options, CoreHook hook) throws Exception {
        long timeoutMs = conf.getDurationMs("spark.worker.timeout", 60_000, 1000);
        long retryMs = conf.getDurationMs("spark.cluster.registrationRetryInterval", 500, 1000);
        WorkerConfig config = new WorkerConfig(nodeId, "127.0.0.1", 0, Integer.parseInt(options.getOrDefault("--cores",
                "2")), Integer.parseInt(options.getOrDefault("--memory", "1024")), masters, retryMs, retryMs,
                Math.max(100, timeoutMs / 4), retryMs);
        WorkerCore core = new WorkerCore(hook.workerConfig(config), System.currentTimeMillis());
        Path workDir = options.containsKey("--work-dir") ? Path.of(options.get("--work-dir"))
                : Files.createTempDirectory("cluster-worker-");
        Files.createDirectories(workDir);
        // The executors trace where their driver's command says (the harness's trace directory): an ended
        // executor's last clock is read from there.
        ExecutorProcesses processes = new ExecutorProcesses(workDir, 2000, Map.of(), options.get("--trace-dir"));
        NodeRuntime runtime = new NodeRuntime(nodeId, hook.worker(core, config), loop, router, processes, trace);
        processes.reportTo(runtime);
        start(runtime, resume);
        stdio.onEnvelope(envelope -> runtime.execute(() -> router.deliver(envelope)));
        LOG.info("worker {} started on the Maelstrom network: {} cores, {} MB, executors in {}", nodeId, config.cores(),
                config.memoryMb(), workDir);
        return processes::killAll;
    }
}
