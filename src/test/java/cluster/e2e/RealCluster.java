package cluster.e2e;

import cluster.cli.LocalCluster;
import cluster.messages.ApplicationDescription;
import cluster.messages.ExecutorSummary;
import cluster.messages.MasterStateResponse;
import cluster.runtime.DriverNode;
import cluster.runtime.NodeAddress;
import cluster.runtime.SparkConf;
import cluster.runtime.StatusClient;
import cluster.transport.TransportConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A test's cluster: real master and worker processes (via {@link LocalCluster}), drivers in the test JVM,
 * the master's view through {@code RequestMasterState}. {@link #close} stops the drivers, kills every process
 * (and their executors) and then checks that no executor of any of this cluster's drivers is left anywhere on
 * the machine, including executors orphaned by a killed worker.
 */
final class RealCluster implements AutoCloseable {
    static final Duration PATIENCE = Duration.ofSeconds(150);

    final LocalCluster processes;
    final LocalCluster.NodeProcess master;
    final List<LocalCluster.NodeProcess> workers = new ArrayList<>();
    private final List<DriverNode> drivers = new ArrayList<>();
    private final List<String> driverIds = new ArrayList<>();
    private final StatusClient status;
    /** Every node of this cluster (and every driver started through it) traces here; {@link #close} validates it. */
    final Path traceDir;
    private final cluster.runtime.SparkConf clientConf = new cluster.runtime.SparkConf();
    /** The master's settings, which the trace checker needs too. */
    private List<String> masterPairs = List.of();

    /** One master with {@code masterConf} and one worker per entry of {@code workerCores}, each with {@code workerMemory}. */
    RealCluster(List<String> masterConf, int[] workerCores, String workerMemory) throws Exception {
        this(masterConf, workerCores, workerMemory, List.of());
    }

    /** As above; {@code commonConf} goes to the master, the workers, the drivers and the status client. */
    RealCluster(List<String> masterConf, int[] workerCores, String workerMemory, List<String> commonConf)
            throws Exception {
        commonConf.forEach(clientConf::setPair);
        status = new StatusClient(TransportConfig.fromSparkConf(clientConf.asMap()));
        Path dir = Files.createTempDirectory("cluster-e2e-");
        traceDir = dir.resolve("trace");
        processes = new LocalCluster(dir, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        try {
            masterPairs = new ArrayList<>(masterConf);
            commonConf.stream().filter(p -> !masterPairs.contains(p)).forEach(masterPairs::add);
            List<String> masterArgs = new ArrayList<>(LocalCluster.confArgs(masterPairs));
            masterArgs.addAll(tracing());
            master = processes.startMaster(masterArgs);
            List<String> workerPairs = new ArrayList<>(commonConf);
            workerPairs.add("spark.worker.timeout=4s");
            for (int cores : workerCores) {
                List<String> workerArgs = new ArrayList<>(LocalCluster.confArgs(workerPairs));
                workerArgs.addAll(tracing());
                workers.add(processes.startWorker(master.address(), cores, workerMemory, workerArgs));
            }
            await().atMost(PATIENCE).until(() -> status().workers.size() == workerCores.length);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }

    /** The flags that make a process of this cluster trace with the others. */
    List<String> tracing() {
        return List.of("--trace-dir", traceDir.toString());
    }


    String masterId() {
        return NodeAddress.mastersFromUrl(master.address()).get(0);
    }

    String workerId(int index) {
        return workers.get(index).address();
    }

    MasterStateResponse status() throws Exception {
        return status.ask(masterId()).get(30, TimeUnit.SECONDS);
    }

    /** Starts a driver in this JVM for an app with these wishes. */
    DriverNode submit(Integer maxCores, Integer coresPerExecutor, int memoryMb) throws Exception {
        return submit(maxCores, coresPerExecutor, memoryMb, new cluster.runtime.SparkConf());
    }

    /** As above, with the driver's own settings ({@code driverConf}) beside the cluster's common ones. */
    DriverNode submit(Integer maxCores, Integer coresPerExecutor, int memoryMb, cluster.runtime.SparkConf driverConf)
            throws Exception {
        ApplicationDescription app = new ApplicationDescription("e2e", maxCores, coresPerExecutor, memoryMb, null,
                List.of());
        cluster.runtime.SparkConf conf = new cluster.runtime.SparkConf();
        clientConf.asMap().forEach((k, v) -> conf.setPair(k + "=" + v));
        driverConf.asMap().forEach((k, v) -> conf.setPair(k + "=" + v));
        DriverNode driver = DriverNode.start("127.0.0.1", List.of(masterId()), app, conf, traceDir.toString());
        drivers.add(driver);
        driverIds.add(driver.nodeId());
        return driver;
    }

    /** Remembers a driver started elsewhere (another process), so {@link #close} checks its executors too. */
    void track(String driverId) {
        driverIds.add(driverId);
    }

    /** Cores booked per worker id for an app, as the master says, counting running executors only. */
    Map<String, Integer> runningCoresByWorker(String appId) throws Exception {
        Map<String, Integer> cores = new TreeMap<>();
        for (ExecutorSummary e : status().executors) {
            if (e.appId.equals(appId) && e.state == cluster.messages.ExecutorState.RUNNING) {
                cores.merge(e.workerId, e.cores, Integer::sum);
            }
        }
        return cores;
    }

    /** Process ids of the executors of the worker at {@code index} (its child processes). */
    List<Long> executorPids(int index) {
        return workers.get(index).process().children().map(ProcessHandle::pid).toList();
    }

    /** Every executor process on this machine that works for one of this cluster's drivers. */
    List<ProcessHandle> executorsOfOurDrivers() {
        return Procs.executorsOf(driverIds);
    }

    @Override
    public void close() {
        drivers.forEach(DriverNode::close);
        status.close();
        processes.close();
        // Executors of a killed worker are orphans now: they must exit by themselves.
        await().atMost(PATIENCE).until(() -> executorsOfOurDrivers().isEmpty());
        Traces.assertConforms(traceDir, masterPairs);
    }
}
