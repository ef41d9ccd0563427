package cluster.coordination;

import cluster.core.PersistedRecord;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * How long the coordination layer alone takes to fail over: a leader master process (a forked JVM running
 * {@link CoordinationMasterMain}) is killed with SIGKILL, and the time until a standby in this JVM is told
 * {@code elected} is measured. An embedded ZooKeeper (default tick) serves both. Not a test: it prints figures.
 *
 * <p>Run: {@code mvn -o -q -pl impl test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt}, then
 * {@code java -cp impl/target/test-classes:impl/target/classes:$(cat impl/target/cp.txt)
 * cluster.coordination.ZooKeeperFailoverBenchmark [runs] [sessionTimeoutMs] [tickMs]} (defaults 7, 1000 and
 * the embedded server's default tick).
 */
public final class ZooKeeperFailoverBenchmark {

    private static boolean negotiatedShown;

    private ZooKeeperFailoverBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int sessionMs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int tickMs = args.length > 2 ? Integer.parseInt(args[2]) : EmbeddedZooKeeper.DEFAULT_TICK_MS;
        List<Double> failoverMs = new ArrayList<>();
        try (EmbeddedZooKeeper server = EmbeddedZooKeeper.startLocal(tickMs);
             CuratorFramework admin = CuratorFrameworkFactory.newClient(server.connectString(), new RetryOneTime(50))) {
            admin.start();
            Map<String, String> conf = Map.of(CoordinationFactory.RECOVERY_MODE, "ZOOKEEPER",
                    CoordinationFactory.ZK_URL, server.connectString(),
                    CoordinationFactory.ZK_SESSION_TIMEOUT, sessionMs + "ms");
            for (int run = 1; run <= runs; run++) {
                double ms = oneFailover(conf, admin);
                failoverMs.add(ms);
                System.out.printf("run %d: SIGKILL of the leader -> standby elected in %.1f ms%n", run, ms);
            }
        }
        Collections.sort(failoverMs);
        System.out.printf("sessionTimeout %d ms, tick %d ms, %d runs: median %.1f ms, min %.1f ms, max %.1f ms%n",
                sessionMs, tickMs, runs, failoverMs.get(runs / 2), failoverMs.get(0),
                failoverMs.get(runs - 1));
    }

    private static double oneFailover(Map<String, String> conf, CuratorFramework admin) throws Exception {
        Process leader = CoordinationMasterMain.fork(conf);
        try {
            CoordinationMasterMain.awaitLeading(leader, 60);
            CompletableFuture<Long> electedAt = new CompletableFuture<>();
            try (CoordinationService standby = CoordinationFactory.fromSparkConf(conf, 1)) {
                standby.start("standby", new LeadershipListener() {
                    @Override
                    public void elected(long epoch, List<PersistedRecord> records) {
                        electedAt.complete(System.nanoTime());
                    }

                    @Override
                    public void revoked() {
                    }
                }, Runnable::run);
                String election = CoordinationFactory.DEFAULT_ZK_DIR + "/leader_election";
                // The kill counts only once the standby's latch node is there, so the figure is the failover alone.
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5)).until(() ->
                        admin.checkExists().forPath(election) != null && admin.getChildren().forPath(election).size() >= 2);
                if (!negotiatedShown) {
                    negotiatedShown = true;
                    System.out.printf("negotiated session timeout: %d ms%n", ((ZooKeeperCoordination) standby).curator()
                            .getZookeeperClient().getZooKeeper().getSessionTimeout());
                }
                long killedAt = System.nanoTime();
                leader.destroyForcibly();
                return (electedAt.get(60, TimeUnit.SECONDS) - killedAt) / 1e6;
            }
        } finally {
            leader.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }
}
