package cluster.e2e;

import cluster.cli.LocalCluster;
import cluster.cli.LocalCluster.NodeProcess;
import cluster.messages.ApplicationDescription;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorSummary;
import cluster.messages.MasterStateResponse;
import cluster.messages.RecoveryState;
import cluster.runtime.DriverNode;
import cluster.runtime.NodeAddress;
import cluster.runtime.SparkConf;
import cluster.runtime.StatusClient;
import cluster.transport.TransportConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.awaitility.Awaitility.await;

/**
 * A highly available cluster of real processes: a ZooKeeper server (or a recovery directory), masters on fixed
 * ports (so a restarted master keeps its id and every client's master list stays right), workers that know every
 * master, drivers in the test JVM. With ZooKeeper, each master reaches it through its own {@link TcpProxy}, so a
 * test can cut one master off ZooKeeper alone.
 */
final class HaCluster implements AutoCloseable {
    final LocalCluster processes;
    final NodeProcess zooKeeper;
    final List<NodeProcess> masters = new ArrayList<>();
    final List<TcpProxy> proxies = new ArrayList<>();
    final List<NodeProcess> workers = new ArrayList<>();
    private final int[] masterPorts;
    private final List<List<String>> masterArgs = new ArrayList<>();
    private final List<DriverNode> drivers = new ArrayList<>();
    private final List<String> driverIds = new ArrayList<>();
    private final StatusClient status = new StatusClient(TransportConfig.defaults());
    private final Path dir;
    /** Every node and driver of this cluster traces here; {@link #close} validates it. */
    final Path traceDir;

    /**
     * @param zooKeeper true: ZOOKEEPER recovery through per-master proxies; false: FILESYSTEM recovery in one
     *                  directory (meant for one master that restarts)
     */
    HaCluster(boolean zooKeeper, int masterCount, int[] workerCores) throws Exception {
        dir = Files.createTempDirectory("cluster-ha-");
        processes = new LocalCluster(dir, List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        masterPorts = new int[masterCount];
        traceDir = dir.resolve("trace");
        try {
            this.zooKeeper = zooKeeper ? processes.startZooKeeper() : null;
            for (int i = 0; i < masterCount; i++) {
                masterPorts[i] = LocalCluster.freePort();
                List<String> conf = new ArrayList<>(List.of("spark.worker.timeout=4s", "spark.deploy.recoveryTimeout=6s"));
                if (zooKeeper) {
                    String[] hostPort = this.zooKeeper.address().split(":");
                    TcpProxy proxy = new TcpProxy(hostPort[0], Integer.parseInt(hostPort[1]));
                    proxies.add(proxy);
                    conf.addAll(List.of("spark.deploy.recoveryMode=ZOOKEEPER", "spark.deploy.zookeeper.url=" + proxy.address(),
                            "spark.deploy.zookeeper.sessionTimeout=2s", "spark.deploy.zookeeper.connectionTimeout=1s"));
                } else {
                    conf.addAll(List.of("spark.deploy.recoveryMode=FILESYSTEM",
                            "spark.deploy.recoveryDirectory=" + dir.resolve("recovery")));
                }
                List<String> args = new ArrayList<>(LocalCluster.confArgs(conf));
                args.addAll(List.of("--trace-dir", traceDir.toString()));
                masterArgs.add(args);
                masters.add(processes.startMaster(masterPorts[i], masterArgs.get(i)));
            }
            for (int cores : workerCores) {
                List<String> args = new ArrayList<>(LocalCluster.confArgs(List.of("spark.worker.timeout=4s")));
                args.addAll(List.of("--trace-dir", traceDir.toString()));
                workers.add(processes.startWorker(masterUrl(), cores, "2g", args));
            }
            await().atMost(RealCluster.PATIENCE).until(() -> leader() != null
                    && leaderStatus().workers.size() == workerCores.length);
        } catch (Exception | Error e) {
            close();
            throw e;
        }
    }



    String masterUrl() {
        StringBuilder url = new StringBuilder("spark://");
        for (int i = 0; i < masterPorts.length; i++) {
            url.append(i == 0 ? "" : ",").append("127.0.0.1:").append(masterPorts[i]);
        }
        return url.toString();
    }

    List<String> masterIds() {
        return NodeAddress.mastersFromUrl(masterUrl());
    }

    /** Every master's answer (null for one that does not answer), in master order. */
    List<MasterStateResponse> statuses() throws InterruptedException {
        return status.askAll(masterIds(), 5000);
    }

    /** The index of the master that is ALIVE now, or null (none, or several claim it). */
    Integer leader() throws InterruptedException {
        List<MasterStateResponse> all = statuses();
        Integer leader = null;
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) != null && all.get(i).status == RecoveryState.ALIVE) {
                if (leader != null) {
                    return null;
                }
                leader = i;
            }
        }
        return leader;
    }

    MasterStateResponse leaderStatus() throws InterruptedException {
        Integer leader = leader();
        return leader == null ? null : statuses().get(leader);
    }

    /** SIGKILL the master at {@code index}. */
    void killMaster(int index) throws InterruptedException {
        processes.kill(masters.get(index));
    }

    /** Starts the master at {@code index} again, on its port, with its settings; its trace goes on (MasterRestart). */
    void restartMaster(int index) throws Exception {
        masters.set(index, processes.startMaster(masterPorts[index], masterArgs.get(index)));
    }

    DriverNode submit(int maxCores) throws Exception {
        ApplicationDescription app = new ApplicationDescription("ha", maxCores, 1, 256, null, List.of());
        DriverNode driver = DriverNode.start("127.0.0.1", masterIds(), app, new SparkConf(), traceDir.toString());
        drivers.add(driver);
        driverIds.add(driver.nodeId());
        return driver;
    }

    /** Process ids of every executor running on the workers now. */
    Set<Long> executorPids() {
        Set<Long> pids = new TreeSet<>();
        workers.forEach(w -> w.process().children().forEach(p -> pids.add(p.pid())));
        return pids;
    }

    /**
     * The leader's books equal the executors actually running: every RUNNING executor it books is a live process
     * on that worker with that app and id, and there is no other executor process. Null when they agree,
     * else what differs.
     */
    String booksVersusProcesses() throws InterruptedException {
        MasterStateResponse leader = leaderStatus();
        if (leader == null) {
            return "no leader";
        }
        Set<String> booked = new TreeSet<>();
        for (ExecutorSummary e : leader.executors) {
            if (e.state != ExecutorState.RUNNING) {
                return "executor " + e.appId + "/" + e.execId + " is " + e.state;
            }
            booked.add(e.workerId + " " + e.appId + "/" + e.execId);
        }
        Set<String> running = new TreeSet<>();
        for (NodeProcess w : workers) {
            w.process().children().forEach(p -> {
                List<String> args = Procs.arguments(p.pid());
                int app = args.indexOf("--app-id");
                int id = args.indexOf("--executor-id");
                if (app >= 0 && id >= 0) {
                    running.add(w.address() + " " + args.get(app + 1) + "/" + args.get(id + 1));
                }
            });
        }
        return booked.equals(running) ? null : "books " + booked + " but processes " + running;
    }

    List<ProcessHandle> executorsOfOurDrivers() {
        return Procs.executorsOf(driverIds);
    }

    @Override
    public void close() {
        drivers.forEach(DriverNode::close);
        status.close();
        proxies.forEach(TcpProxy::close);
        processes.close();
        await().atMost(RealCluster.PATIENCE).until(() -> executorsOfOurDrivers().isEmpty());
        Traces.assertConforms(traceDir);
    }
}
