package cluster.runtime;

import cluster.core.ExecutorKey;
import cluster.core.Input;
import cluster.trace.TraceSink;
import cluster.transport.TransportConfig;
import cluster.worker.WorkerConfig;
import cluster.worker.WorkerCore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A worker process: its core on a {@link NodeHost} and the executor processes it launches. Its node id is
 * {@code worker@host:port}; its incarnation comes from the wall clock at start, so a restarted worker outranks
 * its earlier self.
 */
public final class WorkerNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerNode.class);

    private final NodeHost host;
    private final WorkerCore core;
    private final ExecutorProcesses processes;
    private final String nodeId;

    private WorkerNode(NodeHost host, WorkerCore core, ExecutorProcesses processes, String nodeId) {
        this.host = host;
        this.core = core;
        this.processes = processes;
        this.nodeId = nodeId;
    }

    /**
     * Starts a worker offering {@code cores} and {@code memoryMb} and registers it with every master.
     *
     * @param masters master node ids (see {@link NodeAddress#mastersFromUrl})
     */
    public static WorkerNode start(String bindHost, int port, int cores, int memoryMb, List<String> masters,
            SparkConf conf, String traceDir) throws Exception {
        TransportConfig transport = TransportConfig.fromSparkConf(conf.asMap());
        NodeHost host = new NodeHost("worker", transport);
        try {
            InetSocketAddress bound = host.listen(bindHost, port);
            NodeAddress address = new NodeAddress("worker", bindHost, bound.getPort());
            long workerTimeoutMs = conf.getDurationMs("spark.worker.timeout", 60_000, 1000);
            long retryMs = conf.getDurationMs("spark.cluster.registrationRetryInterval", 500, 1000);
            WorkerConfig config = new WorkerConfig(address.nodeId(), bindHost, bound.getPort(), cores, memoryMb,
                    masters, retryMs, retryMs, Math.max(100, workerTimeoutMs / 4), retryMs);
            WorkerCore core = new WorkerCore(config, System.currentTimeMillis());
            Path workDir = conf.contains("spark.worker.dir")
                    ? Path.of(conf.get("spark.worker.dir", ""))
                    : Files.createTempDirectory("cluster-worker-");
            Files.createDirectories(workDir);
            ExecutorProcesses processes = new ExecutorProcesses(workDir, 5000,
                    transport.authenticates() ? Map.of(ExecutorMain.SECRET_ENV, transport.secret()) : Map.of(),
                    conf.contains("spark.cluster.traceDir") ? conf.get("spark.cluster.traceDir", null) : null);
            Traces.Resume resume = Traces.resume(traceDir, address.nodeId());
            NodeRuntime runtime = host.start(address.nodeId(), core::step, processes,
                    traceDir == null ? TraceSink.NONE : Traces.open(traceDir, address.nodeId(), resume));
            processes.reportTo(runtime);
            WorkerNode node = new WorkerNode(host, core, processes, address.nodeId());
            runtime.execute(() -> runtime.resume(resume)); // a worker restarted under its id goes on with its trace
            runtime.submit(new Input.Started(resume.restart()));
            LOG.info("worker {} started: {} cores, {} MB, executor logs in {}", address.nodeId(), cores, memoryMb, workDir);
            return node;
        } catch (Exception | Error e) {
            host.close();
            throw e;
        }
    }

    public String nodeId() {
        return nodeId;
    }

    /** Process ids of this worker's running executors. */
    public Map<ExecutorKey, Long> executorPids() {
        return processes.pids();
    }

    /** Kills every executor of this worker, then stops the worker. */
    @Override
    public void close() {
        processes.killAll();
        host.close();
    }
}
