package cluster.cli;

import cluster.messages.ApplicationDescription;
import cluster.tracecheck.TraceChecker;
import cluster.tracecheck.TraceVerdict;
import cluster.messages.MasterStateResponse;
import cluster.messages.RecoveryState;
import cluster.runtime.NodeAddress;
import cluster.runtime.SparkConf;
import cluster.runtime.StatusClient;
import cluster.transport.TransportConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/cluster demo}: a local cluster (one master, two workers) as real processes on loopback, the sample
 * application submitted to it, the launch timeline printed, and everything it started stopped again. With
 * {@code --ha}: an embedded ZooKeeper and three masters; the leader is killed with SIGKILL while the job runs, and
 * the job still finishes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Start a local cluster (1 master, 2 workers), run the sample app on it, print the launch timeline, stop it.",
        footer = "Exit codes: 0 the job ran, 1 it did not, 2 bad usage.")
public final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where logs go (default: a new temporary directory).")
    Path dir;

    @Option(names = "--worker-cores", defaultValue = "2", description = "Cores per worker (default ${DEFAULT-VALUE}).")
    int workerCores;

    @Option(names = "--tasks", defaultValue = "8", description = "Tasks of the sample app (default ${DEFAULT-VALUE}; 32 with --ha).")
    Integer tasks;

    @Option(names = "--ha", description = "ZooKeeper and three masters; the leader is killed while the job runs.")
    boolean ha;

    private long t0;

    @Override
    public Integer call() throws Exception {
        int taskCount = ha && !spec.commandLine().getParseResult().hasMatchedOption("--tasks") ? 32 : tasks;
        if (workerCores < 1 || taskCount < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--worker-cores and --tasks must be at least 1");
        }
        Path home = dir != null ? dir : Files.createTempDirectory("cluster-demo-");
        System.out.println("Demo cluster in " + home + " (node logs and executor output there)");
        t0 = System.nanoTime();
        try (LocalCluster cluster = new LocalCluster(home, List.of());
             StatusClient status = new StatusClient(TransportConfig.defaults())) {
            Path traceDir = home.resolve("trace");
            List<String> tracing = List.of("--trace-dir", traceDir.toString());
            List<LocalCluster.NodeProcess> masters = ha ? startHaMasters(cluster, tracing)
                    : List.of(cluster.startMaster(tracing));
            String url = masterUrl(masters);
            for (int i = 0; i < 2; i++) {
                LocalCluster.NodeProcess worker = cluster.startWorker(url, workerCores, "1g", tracing);
                say("%s up (pid %d, %d cores, 1g)", worker.address(), worker.pid(), workerCores);
            }
            ApplicationDescription app = new ApplicationDescription("Spark Pi (demo)", 2 * workerCores, 1, 256, null,
                    List.of());
            long samples = ha ? 20_000_000L : 2_000_000L;
            System.out.println("Submitting the sample app: " + 2 * workerCores + " executors of 1 core and 256m, "
                    + taskCount + " tasks");
            List<String> masterIds = NodeAddress.mastersFromUrl(url);
            PiApp.Outcome outcome = PiApp.run("127.0.0.1", masterIds, app, new SparkConf(), traceDir.toString(), taskCount, samples,
                    300, driver -> {
                        if (ha) {
                            killLeaderAndWatch(status, masterIds, masters, cluster);
                        }
                    });
            PiApp.print(outcome, taskCount * samples, System.out);
            System.out.println("Stopping the cluster...");
            cluster.close();
            System.out.printf("Done in %d ms; every process the demo started is stopped.%n", ms());
            System.out.println("Protocol traces of every node: " + traceDir + "; checking them against the spec with TLC...");
            TraceVerdict verdict = TraceChecker.check(traceDir);
            System.out.println("Trace check: " + verdict.message());
            if (!verdict.conforms()) {
                System.out.println(verdict.details());
                return 1;
            }
            return 0;
        } catch (Exception e) {
            System.err.println("demo failed: " + e.getMessage());
            return 1;
        }
    }

    private List<LocalCluster.NodeProcess> startHaMasters(LocalCluster cluster, List<String> tracing) throws Exception {
        LocalCluster.NodeProcess zk = cluster.startZooKeeper();
        say("ZooKeeper %s up (pid %d)", zk.address(), zk.pid());
        List<String> conf = new ArrayList<>(tracing);
        conf.addAll(LocalCluster.confArgs(List.of("spark.deploy.recoveryMode=ZOOKEEPER",
                "spark.deploy.zookeeper.url=" + zk.address(), "spark.deploy.zookeeper.sessionTimeout=1s",
                "spark.deploy.zookeeper.connectionTimeout=1s")));
        List<LocalCluster.NodeProcess> masters = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LocalCluster.NodeProcess m = cluster.startMaster(LocalCluster.freePort(), conf);
            masters.add(m);
            say("master %s up (pid %d)", m.address(), m.pid());
        }
        return masters;
    }

    private static String masterUrl(List<LocalCluster.NodeProcess> masters) {
        List<String> hostPorts = new ArrayList<>();
        masters.forEach(m -> hostPorts.add(m.address().substring("spark://".length())));
        return "spark://" + String.join(",", hostPorts);
    }

    /** While the job runs: SIGKILL the leader, then report when another master is ALIVE with both workers. */
    private void killLeaderAndWatch(StatusClient status, List<String> masterIds, List<LocalCluster.NodeProcess> masters,
            LocalCluster cluster) {
        try {
            int leader = status.awaitMaster(masterIds, -1, DemoCommand::aliveWithBothWorkers, 120_000);
            if (leader < 0) {
                say("no master ALIVE with both workers within 120 s; not killing any");
                return;
            }
            cluster.kill(masters.get(leader));
            long killedAt = System.nanoTime();
            say("leader %s killed with SIGKILL while the job runs", masterIds.get(leader));
            int next = status.awaitMaster(masterIds, leader, DemoCommand::aliveWithBothWorkers, 120_000);
            if (next < 0) {
                say("no other master ALIVE with both workers within 120 s of the kill");
                return;
            }
            say("%s ALIVE with both workers, %d ms after the kill", masterIds.get(next),
                    (System.nanoTime() - killedAt) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean aliveWithBothWorkers(MasterStateResponse r) {
        return r.status == RecoveryState.ALIVE && r.workers.size() == 2;
    }

    private void say(String format, Object... args) {
        System.out.printf("  %7d ms  %s%n", ms(), String.format(format, args));
    }

    private long ms() {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
