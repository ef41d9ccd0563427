package cluster.cli;

import cluster.messages.ApplicationDescription;
import cluster.messages.RecoveryState;
import cluster.runtime.DriverNode;
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
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code bin/cluster bench failover}: on a local cluster (embedded ZooKeeper, three masters with a 1 s ZooKeeper
 * session timeout, two workers, one running app), the time from SIGKILL of the leader to a new leader ALIVE with
 * every worker and the app re-registered; the new leader's own share (gaining leadership to ALIVE, from its log);
 * and for an app submitted at the moment of the kill, the time until its executors registered.
 */
@Command(name = "failover", mixinStandardHelpOptions = true,
        description = "Leader SIGKILL to new leader ALIVE, on a local ZooKeeper cluster with three masters.")
public final class BenchFailoverCommand implements Callable<Integer> {
    private static final Pattern OWN_SHARE = Pattern.compile("ALIVE after gaining leadership, ms: (\\d+)");

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--runs", defaultValue = "5", description = "Failovers measured (default ${DEFAULT-VALUE}; at least 5).")
    int runs;

    @Option(names = "--json", description = "Print one JSON object with the figures (medians).")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (runs < 5) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 5");
        }
        Path dir = Files.createTempDirectory("cluster-bench-failover-");
        List<Long> failovers = new ArrayList<>();
        List<Long> ownShares = new ArrayList<>();
        List<Long> submits = new ArrayList<>();
        try (LocalCluster cluster = new LocalCluster(dir, List.of());
             StatusClient status = new StatusClient(TransportConfig.defaults())) {
            String zk = cluster.startZooKeeper().address();
            int[] ports = {LocalCluster.freePort(), LocalCluster.freePort(), LocalCluster.freePort()};
            List<String> conf = LocalCluster.confArgs(List.of("spark.deploy.recoveryMode=ZOOKEEPER", "spark.deploy.zookeeper.url=" + zk,
                    "spark.deploy.zookeeper.sessionTimeout=1s", "spark.deploy.zookeeper.connectionTimeout=1s",
                    "spark.worker.timeout=10s", "spark.deploy.recoveryTimeout=5s"));
            List<LocalCluster.NodeProcess> masters = new ArrayList<>();
            for (int port : ports) {
                masters.add(cluster.startMaster(port, conf));
            }
            String url = "spark://127.0.0.1:" + ports[0] + ",127.0.0.1:" + ports[1] + ",127.0.0.1:" + ports[2];
            List<String> masterIds = NodeAddress.mastersFromUrl(url);
            cluster.startWorker(url, 2, "2g", List.of());
            cluster.startWorker(url, 2, "2g", List.of());
            DriverNode app = DriverNode.start("127.0.0.1", masterIds,
                    new ApplicationDescription("bench-failover", 2, 1, 128, null, List.of()), new SparkConf(), null);
            try {
                String appId = app.registered().get(120, TimeUnit.SECONDS);
                app.executorsRegistered(2).get(120, TimeUnit.SECONDS);
                for (int run = 0; run < runs; run++) {
                    int leader = awaitRecovered(status, masterIds, appId, -1, 120_000);
                    LocalCluster.NodeProcess killed = masters.get(leader);
                    long kill = System.nanoTime();
                    killed.process().destroyForcibly();
                    // The submitted app: 1 executor of 1 core (the running app holds 2 of the 4 cores).
                    DriverNode late = DriverNode.start("127.0.0.1", masterIds,
                            new ApplicationDescription("submitted-during-failover", 1, 1, 128, null, List.of()),
                            new SparkConf(), null);
                    int next = awaitRecovered(status, masterIds, appId, leader, 120_000);
                    long failoverMs = (System.nanoTime() - kill) / 1_000_000;
                    late.executorsRegistered(1).get(120, TimeUnit.SECONDS);
                    long submitMs = (System.nanoTime() - kill) / 1_000_000;
                    late.stop();
                    long own = ownShare(masters.get(next).log());
                    failovers.add(failoverMs);
                    submits.add(submitMs);
                    ownShares.add(own);
                    if (!json) {
                        System.out.printf("run %d: kill -> ALIVE %d ms (new leader's own share %d ms); app submitted at the"
                                + " kill has its executor after %d ms%n", run + 1, failoverMs, own, submitMs);
                    }
                    killed.process().waitFor(30, TimeUnit.SECONDS);
                    masters.set(leader, cluster.startMaster(ports[leader], conf));
                }
            } finally {
                app.stop();
            }
        }
        Collections.sort(failovers);
        Collections.sort(submits);
        Collections.sort(ownShares);
        long median = failovers.get(failovers.size() / 2);
        if (json) {
            System.out.printf("{\"runs\": %d, \"medianMs\": %d, \"minMs\": %d, \"maxMs\": %d, \"submitDuringFailoverMs\": %d, "
                            + "\"ownShareMs\": %d}%n", runs, median, failovers.get(0), failovers.get(failovers.size() - 1),
                    submits.get(submits.size() / 2), ownShares.get(ownShares.size() / 2));
        } else {
            System.out.printf("failovers %d: kill -> ALIVE median %d ms (min %d, max %d); own share median %d ms; "
                            + "submitted during failover: executors after %d ms (median)%n", runs, median, failovers.get(0),
                    failovers.get(failovers.size() - 1), ownShares.get(ownShares.size() / 2), submits.get(submits.size() / 2));
        }
        return 0;
    }

    /**
     * Polls every master until one (not {@code notIndex}) is ALIVE with both workers and the app's executors
     * re-registered; returns its index.
     */
    private static int awaitRecovered(StatusClient status, List<String> masterIds, String appId, int notIndex,
            long timeoutMs) throws Exception {
        int i = status.awaitMaster(masterIds, notIndex, r -> r.status == RecoveryState.ALIVE && r.workers.size() == 2
                && r.apps.stream().anyMatch(a -> a.appId.equals(appId))
                && r.executors.stream().filter(e -> e.appId.equals(appId)).count() == 2, timeoutMs);
        if (i < 0) {
            throw new IllegalStateException("no master recovered within " + timeoutMs + " ms");
        }
        return i;
    }

    /** The last "ALIVE after gaining leadership" figure in a master's log. */
    private static long ownShare(Path log) throws Exception {
        long last = -1;
        for (int attempt = 0; attempt < 100 && last < 0; attempt++) {
            Matcher m = OWN_SHARE.matcher(Files.readString(log));
            while (m.find()) {
                last = Long.parseLong(m.group(1));
            }
            if (last < 0) {
                Thread.sleep(20);
            }
        }
        return last;
    }


}
