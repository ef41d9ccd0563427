package cluster.runtime;

import cluster.app.Tasks;
import cluster.core.Effect;
import cluster.core.Input;
import cluster.executor.ExecutorConfig;
import cluster.executor.ExecutorCore;
import cluster.messages.LaunchTask;
import cluster.messages.StatusUpdate;
import cluster.messages.TaskState;
import cluster.trace.TraceSink;
import cluster.transport.TransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * An executor process (Spark's CoarseGrainedExecutorBackend): started by a worker from the app's command
 * template, it registers with its driver, runs the tasks the driver sends on {@code cores} threads, and exits
 * by itself when its driver goes away (the core decides) or when the worker that started it dies (checked here:
 * an executor never outlives its worker).
 *
 * <pre>ExecutorMain --driver driver@host:port --app-id A --executor-id N --hostname H --cores C --worker-url spark://h:p</pre>
 */
public final class ExecutorMain {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorMain.class);
    /** Exit code when the worker that started this executor is gone (nobody is left to read it). */
    public static final int WORKER_GONE = 5;
    /** Exit code for a command line the executor cannot use. */
    public static final int BAD_ARGUMENTS = 2;
    /** Environment variable through which a worker hands the shared secret to its executors (never on the command line). */
    public static final String SECRET_ENV = "CLUSTER_AUTH_SECRET";
    /** Loads what an executor loads, then exits 0: how {@link ExecutorArchive} learns which classes to archive. */
    public static final String DRY_RUN = "--dry-run";
    private static final List<String> REQUIRED = List.of("--driver", "--app-id", "--executor-id", "--hostname",
            "--cores", "--worker-url");

    private ExecutorMain() {
    }

    public static void main(String[] args) throws Exception {
        cluster.messages.codec.ChronicleStartup.skipNativePosixBinding();
        if (args.length == 1 && args[0].equals(DRY_RUN)) {
            dryRun();
            return;
        }
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("executor: " + e.getMessage());
            System.exit(BAD_ARGUMENTS);
            return;
        }
        run(options);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!REQUIRED.contains(name) && !name.equals("--trace-dir")) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            options.put(name, args[++i]);
        }
        for (String name : REQUIRED) {
            if (!options.containsKey(name)) {
                throw new IllegalArgumentException("missing " + name);
            }
        }
        for (String name : List.of("--executor-id", "--cores")) {
            try {
                if (Integer.parseInt(options.get(name)) < 0) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " must be a whole number, got " + options.get(name));
            }
        }
        return options;
    }

    private static void run(Map<String, String> o) throws Exception {
        String appId = o.get("--app-id");
        int execId = Integer.parseInt(o.get("--executor-id"));
        int cores = Math.max(1, Integer.parseInt(o.get("--cores")));
        String workerUrl = o.get("--worker-url");
        String nodeId = NodeAddress.executorId(appId, execId);
        String workerId = "worker@" + workerUrl.replaceFirst("^spark://", "");
        TransportConfig transport = TransportConfig.defaults();
        String secret = System.getenv(SECRET_ENV);
        if (secret != null && !secret.isEmpty()) {
            transport = transport.withSecret(secret);
        }
        TraceSink trace = o.containsKey("--trace-dir") ? Traces.open(o.get("--trace-dir"), nodeId) : TraceSink.NONE;
        ExecutorCore core = new ExecutorCore(new ExecutorConfig(appId, execId, workerId, o.get("--hostname"), cores,
                o.get("--driver"), nodeId, 2000, 10));
        NodeHost host = new NodeHost("executor", transport);
        ExecutorService taskThreads = Executors.newFixedThreadPool(cores, r -> {
            Thread t = new Thread(r, "task");
            t.setDaemon(true);
            return t;
        });
        NodeRuntime runtime = host.start(nodeId, core::step, new NodeRuntime.ProcessControl() {
            @Override
            public void exit(int exitCode) {
                LOG.info("executor {} exits with code {}", nodeId, exitCode);
                exitSoon(host, exitCode);
            }

            @Override
            public void reportRegistered(Effect.ReportRegistered registered, Map<String, Long> clock) {
                // the worker made this process's working directory, and watches it for the notice
                RegistrationNotice.write(Path.of("").toAbsolutePath(), clock);
            }
        }, trace);
        host.router().intercept((connection, envelope) -> {
            if (envelope.body instanceof LaunchTask task) {
                taskThreads.execute(() -> runTask(runtime, envelope.src, execId, task));
                return true;
            }
            return false;
        });
        watchParent(host);
        java.util.Map<String, Long> starter = ProcessClock.decode(System.getenv(ProcessClock.ENV));
        runtime.execute(() -> runtime.mergeClock(starter)); // this process happens after its launch by the worker
        runtime.submit(new Input.Started(false));
        LOG.info("executor {} started for driver {} ({} cores)", nodeId, o.get("--driver"), cores);
    }

    /** An executor's start-up and one task, against no driver; then exit 0. */
    private static void dryRun() {
        String nodeId = NodeAddress.executorId("dry-run", 0);
        NodeHost host = new NodeHost("executor", TransportConfig.defaults());
        ExecutorCore core = new ExecutorCore(new ExecutorConfig("dry-run", 0, "worker@127.0.0.1:1", "127.0.0.1", 1,
                "driver@127.0.0.1:1", nodeId, 2000, 1));
        host.start(nodeId, core::step, NodeRuntime.ProcessControl.NONE, TraceSink.NONE);
        host.call(() -> core.step(new Input.Received("driver@127.0.0.1:1",
                new cluster.messages.RegisteredExecutor("dry-run", 0)), 0));
        byte[] frame = new cluster.messages.codec.BinaryEnvelopeCodec().encode(cluster.messages.Envelope.of(nodeId,
                "driver@127.0.0.1:1", 1, new StatusUpdate(0, 1, TaskState.FINISHED, Tasks.run(Tasks.piTask(1000, 1)))));
        new cluster.messages.codec.BinaryEnvelopeCodec().decode(frame);
        LOG.info("executor dry run done");
        host.close();
        System.exit(0);
    }

    private static void runTask(NodeRuntime runtime, String driver, int execId, LaunchTask task) {
        StatusUpdate update;
        try {
            update = new StatusUpdate(execId, task.taskId, TaskState.FINISHED, Tasks.run(task.payload));
        } catch (RuntimeException e) {
            update = new StatusUpdate(execId, task.taskId, TaskState.FAILED, e.toString());
        }
        runtime.sendUntraced(driver, update);
    }

    /** An executor never outlives the worker that started it: when the parent process is gone, exit. */
    private static void watchParent(NodeHost host) {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        host.loop().scheduleWithFixedDelay(() -> {
            if (parent.isEmpty() || !parent.get().isAlive()) {
                LOG.warn("the worker that started this executor is gone; exiting");
                exitSoon(host, WORKER_GONE);
            }
        }, 200, 200, TimeUnit.MILLISECONDS);
    }

    /** Exits from another thread, so the node loop (which may be the caller) can finish the trace first. */
    private static void exitSoon(NodeHost host, int exitCode) {
        Thread exit = new Thread(() -> {
            host.close();
            System.exit(exitCode);
        }, "exit");
        exit.start();
    }
}
