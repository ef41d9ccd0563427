package cluster.runtime;

import cluster.app.TaskScheduler;
import cluster.core.Effect;
import cluster.core.Input;
import cluster.driver.DriverConfig;
import cluster.driver.DriverCore;
import cluster.messages.ApplicationDescription;
import cluster.messages.ApplicationRemoved;
import cluster.messages.ExecutorAdded;
import cluster.messages.ExecutorUpdated;
import cluster.messages.RegisterExecutor;
import cluster.messages.RegisteredApplication;
import cluster.messages.StatusUpdate;
import cluster.trace.TraceSink;
import cluster.transport.TransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A driver inside the submitting JVM (Spark's client deploy mode): the app client and the scheduler endpoint
 * (its core) on a {@link NodeHost} listening for its executors, plus the sample application's task scheduler.
 * It builds the executor command template from this installation's {@code java} and class path.
 */
public final class DriverNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DriverNode.class);

    /** One moment of the launch timeline, in milliseconds since the driver started. */
    public record TimelineEvent(long atMs, String what) {
    }

    private final NodeHost host;
    private final DriverCore core;
    private final NodeRuntime runtime;
    private final List<TimelineEvent> timeline = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> registered = new CompletableFuture<>();
    private final CompletableFuture<String> removed = new CompletableFuture<>();
    private final List<Waiter> waiters = new ArrayList<>();
    private TaskScheduler tasks;
    /** The master this driver followed after its last step (for the timeline). */
    private String followed;

    private record Waiter(int executors, CompletableFuture<Void> future) {
    }

    private DriverNode(NodeHost host, DriverCore core, NodeRuntime runtime) {
        this.host = host;
        this.core = core;
        this.runtime = runtime;
    }

    /**
     * Starts the driver and registers its application with every master.
     *
     * @param description what the app asks for; its command is replaced by the executor command template
     */
    public static DriverNode start(String bindHost, List<String> masters, ApplicationDescription description,
            SparkConf conf, String traceDir) throws Exception {
        TransportConfig transport = TransportConfig.fromSparkConf(conf.asMap());
        NodeHost host = new NodeHost("driver", transport);
        try {
            InetSocketAddress bound = host.listen(bindHost, 0);
            NodeAddress address = new NodeAddress("driver", bindHost, bound.getPort());
            description.command = new ArrayList<>(executorCommand(address.nodeId(), description.memoryPerExecutorMb,
                    extraJavaOptions(conf), traceDir));
            long retryMs = conf.getDurationMs("spark.cluster.registrationRetryInterval", 500, 1000);
            DriverConfig config = new DriverConfig(UUID.randomUUID().toString(), address.sparkUrl(), description,
                    masters, retryMs, retryMs);
            DriverCore core = new DriverCore(config);
            Function<String, TraceSink> traces = Traces.in(traceDir);
            NodeRuntime runtime = host.start(address.nodeId(), core::step, NodeRuntime.ProcessControl.NONE,
                    traces.apply(address.nodeId()));
            DriverNode node = new DriverNode(host, core, runtime);
            runtime.observe(node::stepped);
            host.router().intercept((connection, envelope) -> {
                if (envelope.body instanceof StatusUpdate update) {
                    if (node.tasks != null) {
                        node.tasks.statusUpdate(update);
                    }
                    return true;
                }
                return false;
            });
            node.event("driver started at " + address.nodeId());
            runtime.submit(new Input.Started(false));
            long timeoutMs = conf.getDurationMs("spark.cluster.registrationTimeout", 60_000, 1000);
            host.loop().schedule(() -> {
                if (node.registered.isDone()) {
                    return;
                }
                node.registered.completeExceptionally(new IllegalStateException("no master registered the application within "
                        + timeoutMs + " ms: all masters are unresponsive or none is leader (" + masters + ")"));
            }, timeoutMs, TimeUnit.MILLISECONDS);
            return node;
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
    }

    /** The executor command template: this installation's JVM running {@link ExecutorMain} for this driver. */
    public static List<String> executorCommand(String driverId, int memoryMb, String traceDir) {
        return executorCommand(driverId, memoryMb, List.of(), traceDir);
    }

    /** As above, with the app's own JVM options for its executors (after ours, so they win). */
    public static List<String> executorCommand(String driverId, int memoryMb, List<String> extraJavaOptions,
            String traceDir) {
        List<String> options = new ArrayList<>(executorJvmOptions(memoryMb));
        options.addAll(extraJavaOptions);
        List<String> command = JavaCommand.of(options, ExecutorMain.class.getName());
        command.addAll(List.of("--driver", driverId, "--app-id", "{{APP_ID}}", "--executor-id", "{{EXECUTOR_ID}}",
                "--hostname", "{{HOSTNAME}}", "--cores", "{{CORES}}", "--worker-url", "{{WORKER_URL}}"));
        if (traceDir != null) {
            command.addAll(List.of("--trace-dir", traceDir));
        }
        return command;
    }

    /** The app's own JVM options for its executors, as in Spark. */
    public static final String EXTRA_JAVA_OPTIONS = "spark.executor.extraJavaOptions";

    /**
     * {@value #EXTRA_JAVA_OPTIONS} as Spark has it, split at white space (no quoting); every word must be a JVM
     * option (start with '-'), or the key is named in the error.
     */
    public static List<String> extraJavaOptions(SparkConf conf) {
        String value = conf.get(EXTRA_JAVA_OPTIONS, "").strip();
        if (value.isEmpty()) {
            return List.of();
        }
        List<String> options = List.of(value.split("\\s+"));
        for (String option : options) {
            if (!option.startsWith("-")) {
                throw new IllegalArgumentException(EXTRA_JAVA_OPTIONS + ": '" + option
                        + "' is not a JVM option (each must start with '-'; values are split at spaces, without quoting)");
            }
        }
        return options;
    }

    /** JVM options of an executor: its heap, and choices that make a short-lived JVM start fast. */
    public static List<String> executorJvmOptions(int memoryMb) {
        List<String> options = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        // The archive is made for these options without the heap size, which does not change the classes loaded.
        ExecutorArchive.forOptions(options).ifPresent(a -> options.add("-XX:SharedArchiveFile=" + a));
        options.add(0, "-Xmx" + Math.max(64, memoryMb) + "m");
        return options;
    }

    public String nodeId() {
        return runtime.nodeId();
    }

    /** Completes with the app id once a master registered the app; fails if none does in time. */
    public CompletableFuture<String> registered() {
        return registered;
    }

    /** Completes with the master's message when the master removes the app (it failed, or was killed). */
    public CompletableFuture<String> removed() {
        return removed;
    }

    /** Completes once at least {@code n} executors registered with this driver. */
    public CompletableFuture<Void> executorsRegistered(int n) {
        CompletableFuture<Void> future = new CompletableFuture<>();
        runtime.execute(() -> {
            waiters.add(new Waiter(n, future));
            checkWaiters();
        });
        return future;
    }

    /** Runs tasks over the registered executors (and those that register later); completes with every result. */
    public CompletableFuture<List<TaskScheduler.TaskResult>> runTasks(List<String> payloads) {
        CompletableFuture<List<TaskScheduler.TaskResult>> result = new CompletableFuture<>();
        runtime.execute(() -> {
            tasks = new TaskScheduler(payloads, runtime::sendUntraced);
            tasks.done().whenComplete((r, e) -> {
                if (e == null) {
                    event("job done: " + r.size() + " tasks");
                    result.complete(r);
                } else {
                    result.completeExceptionally(e);
                }
            });
            for (Integer execId : core.state().executors()) {
                String executorNode = NodeAddress.executorId(core.state().appId(), execId);
                tasks.executorAdded(execId, executorNode, coresOf.getOrDefault(execId, 1));
            }
        });
        return result;
    }

    private final Map<Integer, Integer> coresOf = new java.util.HashMap<>();

    /** Dynamic allocation: ask the master for a new executor total. */
    public void requestTotal(int total) {
        runtime.submit(new Input.ExecutorTotalRequested(total));
    }

    /** Dynamic allocation: give executor {@code execId} back. */
    public void killExecutor(int execId) {
        runtime.submit(new Input.ExecutorKillRequested(execId));
    }

    public List<TimelineEvent> timeline() {
        return List.copyOf(timeline);
    }

    /** Executors registered with this driver now. */
    public java.util.Set<Integer> executors() {
        return host.call(() -> core.state().executors());
    }

    /** Ends the app (UnregisterApplication to its master), then closes the driver: its executors exit. */
    public void stop() {
        try {
            host.call(() -> {
                runtime.input(new Input.StopRequested());
                return null;
            });
        } catch (IllegalStateException e) {
            LOG.debug("driver loop already stopped: {}", e.toString());
        }
        close();
    }

    @Override
    public void close() {
        host.close();
    }

    private void event(String what) {
        timeline.add(new TimelineEvent(runtime.nowMs(), what));
        LOG.info(what);
    }

    /** On the loop, after each core step: the timeline, the waiters and the task scheduler follow the protocol. */
    private void stepped(Input input, List<Effect> effects) {
        String master = core.state().master();
        if (master != null && !master.equals(followed)) {
            if (followed != null) {
                event("following the new leader " + master + " (term " + core.state().epochFloor() + ")");
            }
            followed = master;
        }
        if (input instanceof Input.Received r) {
            if (r.message() instanceof RegisteredApplication m && core.state().appId() != null
                    && !registered.isDone()) {
                event("application " + m.appId + " registered by " + m.masterId);
                registered.complete(m.appId);
            } else if (r.message() instanceof ExecutorAdded m && m.appId.equals(core.state().appId())) {
                event("executor " + m.execId + " launched on " + m.workerId + " (" + m.cores + " cores, "
                        + m.memoryMb + " MB)");
            } else if (r.message() instanceof RegisterExecutor m && core.state().executors().contains(m.execId)) {
                if (coresOf.putIfAbsent(m.execId, m.cores) == null) {
                    event("executor " + m.execId + " registered from " + m.hostname);
                    if (tasks != null) {
                        tasks.executorAdded(m.execId, r.from(), m.cores);
                    }
                }
                checkWaiters();
            } else if (r.message() instanceof ExecutorUpdated m && m.state.isFinished()
                    && !core.state().executors().contains(m.execId)) {
                if (coresOf.remove(m.execId) != null) {
                    event("executor " + m.execId + " ended: " + m.state);
                }
                if (tasks != null) {
                    tasks.executorLost(m.execId);
                }
            } else if (r.message() instanceof ApplicationRemoved m && !removed.isDone()) {
                event("application removed by the master: " + m.state + " " + m.message);
                removed.complete(m.state + ": " + m.message);
                registered.completeExceptionally(new IllegalStateException("the master removed the application: "
                        + m.message));
            }
        } else if (input instanceof Input.Disconnected d && tasks != null) {
            tasks.nodeLost(d.node());
        }
    }

    private void checkWaiters() {
        int count = core.state().executors().size();
        waiters.removeIf(w -> {
            if (count >= w.executors) {
                w.future.complete(null);
                return true;
            }
            return false;
        });
    }
}
