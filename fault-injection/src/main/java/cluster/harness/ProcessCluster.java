package cluster.harness;

import cluster.messages.ApplicationDescription;
import cluster.messages.MasterStateResponse;
import cluster.runtime.JavaCommand;
import cluster.runtime.maelstrom.LinKvCoordination;
import cluster.runtime.maelstrom.MaelstromNode;
import cluster.runtime.maelstrom.MaelstromStatus;
import cluster.sim.Variant;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * M masters ({@code n1..nM}) and W workers ({@code nM+1..}) as OS processes speaking the Maelstrom protocol, the
 * {@link HarnessNetwork} between them, the {@code lin-kv} service, and the workload's drivers. The nemesis acts
 * through {@link #kill}, {@link #restart}, {@link #pause}, {@link #resume} and the network. {@link #close} kills every
 * process it started, by process id, with their executors.
 */
public final class ProcessCluster implements AutoCloseable {

    /** The harness's own node id: init and status requests come from it, and their replies go to it. */
    static final String HARNESS = "harness";
    private static final Logger LOG = LoggerFactory.getLogger(ProcessCluster.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The sizes and timings of a cluster. */
    public record Settings(int masters, int workers, int workerCores, int workerMemoryMb, long leaseMs,
                           String workerTimeout, Path dir) {
        public Settings {
            if (masters < 1 || workers < 1) {
                throw new IllegalArgumentException("at least one master and one worker: " + masters + ", " + workers);
            }
        }
    }

    private final Settings settings;
    private final HarnessNetwork network;
    private final LinKvService linKv;
    private final List<String> masterIds = new ArrayList<>();
    private final List<String> workerIds = new ArrayList<>();
    private final Map<String, NodeProcess> running = new ConcurrentHashMap<>();
    private final Map<String, Integer> lives = new ConcurrentHashMap<>();
    private final Set<String> paused = ConcurrentHashMap.newKeySet();
    private final Map<Long, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final List<HarnessDriver> drivers = new CopyOnWriteArrayList<>();
    private final List<Long> startedPids = new CopyOnWriteArrayList<>();
    private final AtomicLong msgIds = new AtomicLong();
    private volatile Variant variant = Variant.NONE;
    private volatile ClusterObserver observer = ClusterObserver.NONE;

    public ProcessCluster(Settings settings, long seed) throws IOException {
        this.settings = settings;
        this.network = new HarnessNetwork(seed);
        this.linKv = new LinKvService(network);
        network.attach(LinKvService.ID, linKv);
        for (int i = 1; i <= settings.masters; i++) {
            masterIds.add("n" + i);
        }
        for (int i = 1; i <= settings.workers; i++) {
            workerIds.add("n" + (settings.masters + i));
        }
        Files.createDirectories(traceDir());
    }

    /** Where every node, executor and driver traces, one file each; a restarted node goes on with its file. */
    public Path traceDir() {
        return settings.dir.resolve("trace");
    }

    /** Runs every master and worker as this broken variant (test-only: {@link VariantNode}); before {@link #start}. */
    public ProcessCluster variant(Variant broken) {
        this.variant = broken;
        return this;
    }

    /** Who hears of processes started, killed, paused and resumed; before {@link #start}. */
    void observe(ClusterObserver processes) {
        this.observer = processes;
    }

    /** Starts every master and worker and waits for each to answer {@code init}. */
    public void start() throws Exception {
        List<String> all = new ArrayList<>(masterIds);
        all.addAll(workerIds);
        for (String id : all) {
            launch(id);
        }
    }

    public List<String> masters() {
        return List.copyOf(masterIds);
    }

    public List<String> workers() {
        return List.copyOf(workerIds);
    }

    HarnessNetwork network() {
        return network;
    }

    LinKvService linKv() {
        return linKv;
    }

    /** Process ids of every process this harness started, dead or alive (tests kill them again at the end). */
    public List<Long> startedPids() {
        return List.copyOf(startedPids);
    }

    /** The process id of a running node, or -1. */
    public long pid(String nodeId) {
        NodeProcess p = running.get(nodeId);
        return p == null ? -1 : p.pid();
    }

    public boolean isRunning(String nodeId) {
        NodeProcess p = running.get(nodeId);
        return p != null && p.isAlive();
    }

    public boolean isPaused(String nodeId) {
        return paused.contains(nodeId);
    }

    private void launch(String nodeId) throws Exception {
        boolean master = masterIds.contains(nodeId);
        int life = lives.merge(nodeId, 1, Integer::sum);
        Variant broken = variant;
        List<String> command = JavaCommand.of(List.of("-Xmx160m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Xshare:auto"), broken == Variant.NONE ? MaelstromNode.class.getName() : VariantNode.class.getName());
        if (broken != Variant.NONE) {
            command.addAll(List.of(VariantNode.OPTION, broken.cliName));
        }
        command.addAll(List.of("--role", master ? "master" : "worker", "--masters", String.join(",", masterIds),
                "--lease-ms", Long.toString(settings.leaseMs), "--conf", "spark.worker.timeout="
                        + settings.workerTimeout, "--conf", "spark.cluster.registrationRetryInterval=500ms",
                "--trace-dir", traceDir().toString()));
        if (!master) {
            command.addAll(List.of("--cores", Integer.toString(settings.workerCores), "--memory",
                    Integer.toString(settings.workerMemoryMb), "--work-dir",
                    workDir(nodeId).toString()));
        }
        Path log = settings.dir.resolve(nodeId + ".stderr.log");
        Files.writeString(log, "--- life " + life + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        NodeProcess process = NodeProcess.start(nodeId, command, log, this::fromNode);
        startedPids.add(process.pid());
        running.put(nodeId, process);
        ObjectNode init = JSON.createObjectNode().put("type", "init").put("node_id", nodeId);
        List<String> ids = new ArrayList<>(masterIds);
        ids.addAll(workerIds);
        init.set("node_ids", JSON.valueToTree(ids));
        JsonNode reply = call(process, init, 60_000);
        if (!reply.path("type").asText().equals("init_ok")) {
            throw new IllegalStateException(nodeId + " answered init with " + reply);
        }
        network.attach(nodeId, process::write);
        LOG.info("{} started (pid {}, life {})", nodeId, process.pid(), life);
        observer.started(nodeId, life);
    }

    /** A line a node wrote: a reply to the harness, or a message for the network. */
    private void fromNode(String line) {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (IOException e) {
            LOG.warn("a node wrote a line that is not JSON: {}", line);
            return;
        }
        if (message.path("dest").asText().equals(HARNESS)) {
            CompletableFuture<JsonNode> call = calls.remove(message.path("body").path("in_reply_to").asLong(-1));
            if (call != null) {
                call.complete(message.path("body"));
            }
            return;
        }
        network.send(line);
    }

    private JsonNode call(NodeProcess process, ObjectNode body, long timeoutMs) throws Exception {
        long id = msgIds.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        calls.put(id, reply);
        body.put("msg_id", id);
        ObjectNode message = JSON.createObjectNode().put("src", HARNESS).put("dest", process.nodeId());
        message.set("body", body);
        process.write(message.toString());
        try {
            return reply.get(timeoutMs, TimeUnit.MILLISECONDS);
        } finally {
            calls.remove(id);
        }
    }

    /** A running master's view (outside the network: what {@code bin/cluster status} shows), or null. */
    public MasterStateResponse status(String masterId) {
        NodeProcess process = running.get(masterId);
        if (process == null || !process.isAlive() || paused.contains(masterId)) {
            return null;
        }
        try {
            return MaelstromStatus.of(call(process, JSON.createObjectNode().put("type", MaelstromStatus.REQUEST), 3000));
        } catch (Exception e) {
            return null; // paused, or busy: no answer is an answer
        }
    }

    /** The lease as lin-kv holds it: leader and epoch, or null before any election. */
    public Lease lease() {
        JsonNode value = linKv.value(LinKvCoordination.KEY);
        if (value == null) {
            return null;
        }
        try {
            JsonNode lease = JSON.readTree(value.asText());
            return new Lease(lease.path("leader").asText(), lease.path("epoch").asLong());
        } catch (IOException e) {
            throw new IllegalStateException("lin-kv holds no lease: " + value, e);
        }
    }

    /** Who holds the lease, in which epoch. */
    public record Lease(String leader, long epoch) {
    }

    /** Every lease value ever written, in order (leader and epoch of each write). */
    public List<Lease> leaseHistory() {
        List<Lease> leases = new ArrayList<>();
        for (JsonNode write : linKv.history()) {
            if (write.path("key").asText().equals(LinKvCoordination.KEY)) {
                try {
                    JsonNode lease = JSON.readTree(write.path("value").asText());
                    leases.add(new Lease(lease.path("leader").asText(), lease.path("epoch").asLong()));
                } catch (IOException e) {
                    throw new IllegalStateException("lin-kv holds no lease: " + write, e);
                }
            }
        }
        return leases;
    }

    /** Starts a driver submitting {@code description}. */
    public HarnessDriver submit(ApplicationDescription description) throws InterruptedException {
        HarnessDriver driver = HarnessDriver.start(network, masterIds, description, traceDir().toString());
        drivers.add(driver);
        return driver;
    }

    public List<HarnessDriver> drivers() {
        return List.copyOf(drivers);
    }

    /** SIGKILL (with its executors); lines to it are lost until it restarts. */
    public void kill(String nodeId) {
        NodeProcess process = running.remove(nodeId);
        paused.remove(nodeId);
        network.detach(nodeId);
        if (process != null) {
            process.kill();
            LOG.info("{} killed (pid {})", nodeId, process.pid());
            observer.killed(nodeId);
        }
    }

    /** A new life of a killed node, under the same id. */
    public void restart(String nodeId) throws Exception {
        if (running.containsKey(nodeId)) {
            throw new IllegalStateException(nodeId + " is running");
        }
        launch(nodeId);
    }

    public void pause(String nodeId) {
        NodeProcess process = running.get(nodeId);
        if (process != null) {
            paused.add(nodeId);
            process.pause();
            observer.paused(nodeId);
        }
    }

    public void resume(String nodeId) {
        NodeProcess process = running.get(nodeId);
        paused.remove(nodeId);
        if (process != null) {
            process.resume();
            observer.resumed(nodeId);
        }
    }

    /** An executor process seen on a worker's machine: its app, id, cores and heap, from its command line. */
    public record ExecutorProcess(String workerId, String appId, int execId, int cores, long pid, int heapMb) {
        String key() {
            return appId + "/" + execId + "@" + workerId;
        }
    }

    /** The executor processes running now under each worker (its child processes), read from their command lines. */
    public List<ExecutorProcess> executorProcesses() {
        List<ExecutorProcess> found = new ArrayList<>();
        for (String w : workerIds) {
            NodeProcess p = running.get(w);
            if (p == null) {
                continue;
            }
            ProcessHandle.of(p.pid()).ifPresent(h -> h.children().filter(ProcessHandle::isAlive).forEach(child -> {
                List<String> args = arguments(child);
                int app = args.indexOf("--app-id");
                int id = args.indexOf("--executor-id");
                int cores = args.indexOf("--cores");
                if (app >= 0 && id >= 0 && cores >= 0 && cores + 1 < args.size()) {
                    found.add(new ExecutorProcess(w, args.get(app + 1), Integer.parseInt(args.get(id + 1)),
                            Integer.parseInt(args.get(cores + 1)), child.pid(), heapMb(args)));
                }
            }));
        }
        return found;
    }

    /** Every executor a worker ever started for {@code appId}: each launch leaves {@code <work dir>/<app>/<id>}. */
    public Set<Integer> launchedExecutors(String appId) {
        Set<Integer> launched = new java.util.TreeSet<>();
        if (appId == null) {
            return launched;
        }
        for (String w : workerIds) {
            Path appDir = workDir(w).resolve(appId);
            if (!Files.isDirectory(appDir)) {
                continue;
            }
            try (var dirs = Files.list(appDir)) {
                dirs.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d+"))
                        .forEach(n -> launched.add(Integer.parseInt(n)));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot list " + appDir, e);
            }
        }
        return launched;
    }

    /** The heap an executor's JVM was given ({@code -Xmx<N>m}, as the worker launched it), or 0. */
    private static int heapMb(List<String> args) {
        for (String arg : args) {
            if (arg.startsWith("-Xmx") && arg.endsWith("m")) {
                return Integer.parseInt(arg.substring(4, arg.length() - 1));
            }
        }
        return 0;
    }

    private Path workDir(String workerId) {
        return settings.dir.resolve(workerId + "-work");
    }

    /**
     * A process's command line. The JDK gives none beyond 4096 bytes, and an executor's class path is longer, so on
     * Linux it is read from {@code /proc/<pid>/cmdline}.
     */
    private static List<String> arguments(ProcessHandle process) {
        Path cmdline = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(cmdline)) {
                return List.of(new String(Files.readAllBytes(cmdline), java.nio.charset.StandardCharsets.UTF_8)
                        .split("\u0000"));
            }
        } catch (IOException e) {
            return List.of(); // it has just exited
        }
        return List.of(process.info().arguments().orElse(new String[0]));
    }

    Settings settings() {
        return settings;
    }

    /** Kills every process it started (resuming paused ones first, so the kill is seen at once) and the drivers. */
    @Override
    public void close() {
        for (NodeProcess p : running.values()) {
            p.resume();
            p.kill();
        }
        running.clear();
        for (long pid : startedPids) {
            ProcessHandle.of(pid).ifPresent(h -> {
                h.descendants().forEach(ProcessHandle::destroyForcibly);
                h.destroyForcibly();
            });
        }
        drivers.forEach(HarnessDriver::close);
        network.close();
    }
}
