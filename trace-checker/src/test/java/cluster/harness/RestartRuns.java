package cluster.harness;

import cluster.master.MasterConfig;
import cluster.messages.ApplicationDescription;

import java.nio.file.Path;
import java.util.List;

/**
 * A traced run of the in-memory cluster for the checker's restart test (in the harness's package to drive it):
 * the leader crashes and, before any other master is elected, its workers and driver give up on it and register
 * anew. The trace shows neither the crash nor a restart; the test adds the restart.
 */
public final class RestartRuns {
    private RestartRuns() {
    }

    /** m1 leads, launches executors and crashes; ten seconds later the others have given up on it. */
    public static void leaderCrashesAndFollowersGiveUp(Path dir) {
        InMemoryCluster cluster = new InMemoryCluster();
        cluster.traceTo(dir);
        cluster.addMaster("m1", MasterConfig.defaults("m1", "spark://m1:7077"));
        cluster.addMaster("m2", MasterConfig.defaults("m2", "spark://m2:7077"));
        cluster.addWorker("w1", 2, 2048, 1);
        cluster.addWorker("w2", 2, 2048, 1);
        cluster.addDriver("d1", new ApplicationDescription("pi", null, 1, 512, null,
                List.of("executor", "{{APP_ID}}", "{{EXECUTOR_ID}}", "{{HOSTNAME}}", "{{CORES}}", "--driver", "d1")));
        cluster.startAll();
        cluster.elect("m1");
        cluster.advance(1);
        cluster.crashMaster("m1");
        cluster.advance(10_000);
        cluster.closeTrace();
    }
}
