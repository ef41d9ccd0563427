package cluster.harness;

import cluster.messages.ApplicationState;
import cluster.messages.ApplicationSummary;
import cluster.messages.ExecutorSummary;
import cluster.messages.MasterStateResponse;
import cluster.messages.RecoveryState;
import cluster.messages.WorkerState;
import cluster.messages.WorkerSummary;
import cluster.sim.Violation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spec's properties as the process harness can see them: the masters' books (their status answers), the
 * lin-kv history of leases, the drivers' cores, and the executor processes really running on each worker's
 * machine. Named as in the simulator's checks (spec/tla/SparkStandalone.tla), each violation a {@link Violation}.
 *
 * <p>Safety is sampled while faults are injected; liveness is checked once everything healed. The machines' load is
 * compared with the books only then ({@code BooksMatchRunningExecutors}): while faults come and go, an executor
 * killed on a master's command may still be exiting (SIGTERM, then SIGKILL after a grace) when its worker, which
 * freed its resources at the kill, starts the next one.
 */
final class ProcessChecks {

    private ProcessChecks() {
    }

    /** One observation of every master that answered. */
    record Sample(long atMs, Map<String, MasterStateResponse> statuses, List<ProcessCluster.Lease> leases) {
    }

    static Violation safety(Sample s) {
        Map<Long, String> leaderOfEpoch = new HashMap<>();
        for (ProcessCluster.Lease lease : s.leases) {
            String other = leaderOfEpoch.putIfAbsent(lease.epoch(), lease.leader());
            if (other != null && !other.equals(lease.leader())) {
                return safety(s, "OneLeaderPerEpoch", "lin-kv gave epoch " + lease.epoch() + " to " + other + " and "
                        + lease.leader());
            }
        }
        Map<Long, String> leading = new HashMap<>();
        for (MasterStateResponse m : s.statuses.values()) {
            if (m.status == RecoveryState.STANDBY) {
                continue;
            }
            String other = leading.putIfAbsent(m.epoch, m.masterId);
            if (other != null) {
                return safety(s, "OneLeaderPerEpoch", other + " and " + m.masterId + " both lead epoch " + m.epoch);
            }
            for (WorkerSummary w : m.workers) {
                if (w.coresUsed > w.cores || w.memoryUsedMb > w.memoryMb) {
                    return safety(s, "BooksWithinWorkerCapacity", m.masterId + " books " + w.coresUsed + "/" + w.cores
                            + " cores, " + w.memoryUsedMb + "/" + w.memoryMb + " MB on " + w.workerId);
                }
            }
            for (ApplicationSummary a : m.apps) {
                if (a.maxCores != null && a.coresGranted > a.maxCores) {
                    return safety(s, "AppCapRespected", m.masterId + " grants " + a.coresGranted + " cores to "
                            + a.appId + ", capped at " + a.maxCores);
                }
            }
        }
        return null;
    }

    /** What one check of the healed cluster saw. */
    record Healed(long atMs, ProcessCluster.Lease lease, Map<String, MasterStateResponse> statuses,
                  List<ProcessCluster.ExecutorProcess> executors, List<DriverView> drivers) {
    }

    /**
     * A driver of the workload: its app, whether it stopped, the executors registered with it, and every executor a
     * worker ever started for its app (each launch leaves its work directory).
     */
    record DriverView(String nodeId, String appId, Integer coresPerExecutor, boolean stopped, Set<Integer> executors,
                      Set<Integer> launched) {
    }

    static Violation liveness(Healed h) {
        for (MasterStateResponse m : h.statuses.values()) {
            if (m.status == RecoveryState.RECOVERING || m.status == RecoveryState.COMPLETING_RECOVERY) {
                return liveness(h, "RecoveryCompletes", m.masterId + " is still " + m.status);
            }
        }
        MasterStateResponse leader = h.lease == null ? null : h.statuses.get(h.lease.leader());
        if (leader == null || leader.status != RecoveryState.ALIVE || leader.epoch != h.lease.epoch()) {
            return liveness(h, "LeaderEventuallyAlive", "no master is ALIVE holding the lease (" + h.lease + ", "
                    + (leader == null ? "no answer" : leader.status + " in epoch " + leader.epoch) + ")");
        }
        for (DriverView d : h.drivers) {
            String problem = d.stopped ? null : appProblem(leader, d);
            if (problem != null) {
                return liveness(h, "AppsGetExecutors", problem);
            }
        }
        Set<String> booked = new TreeSet<>();
        for (ExecutorSummary e : leader.executors) {
            booked.add(e.appId + "/" + e.execId + "@" + e.workerId);
        }
        Set<String> running = new TreeSet<>();
        for (ProcessCluster.ExecutorProcess e : h.executors) {
            running.add(e.key());
        }
        if (!booked.equals(running)) {
            return liveness(h, "BooksMatchRunningExecutors", leader.masterId + " books " + booked + ", running: "
                    + running);
        }
        for (DriverView d : h.drivers) {
            for (ProcessCluster.ExecutorProcess e : h.executors) {
                if (d.stopped && e.appId().equals(d.appId)) {
                    return liveness(h, "FinishedAppsStop", "executor " + e.key() + " still runs; its app ended");
                }
            }
            if (!d.launched.containsAll(d.executors)) {
                return new Violation(Violation.Kind.SAFETY, "DriverCountsOnlyLaunched", d.nodeId + " counts executors "
                        + d.executors + ", the workers started " + d.launched, 0, h.atMs);
            }
        }
        return null;
    }

    /**
     * Spec AppSatisfied from the leader's books: the app is registered and WAITING or RUNNING, and its cap is
     * reached or no ALIVE worker has the free cores and memory for one more of its executors.
     */
    private static String appProblem(MasterStateResponse leader, DriverView d) {
        ApplicationSummary app = leader.apps.stream().filter(a -> a.appId.equals(d.appId)).findFirst().orElse(null);
        if (d.appId == null || app == null) {
            return d.nodeId + "'s app " + d.appId + " is not registered with the leader " + leader.masterId;
        }
        if (app.state != ApplicationState.WAITING && app.state != ApplicationState.RUNNING) {
            return d.nodeId + "'s app " + app.appId + " is " + app.state + " at " + leader.masterId;
        }
        int minCores = d.coresPerExecutor == null ? 1 : d.coresPerExecutor;
        if (app.maxCores != null && app.maxCores - app.coresGranted < minCores) {
            return null;
        }
        for (WorkerSummary w : leader.workers) {
            // Without cores per executor an app has at most one executor per worker (Spark's rule).
            boolean hasOne = leader.executors.stream().anyMatch(e -> e.appId.equals(app.appId)
                    && e.workerId.equals(w.workerId));
            if (w.state == WorkerState.ALIVE && w.cores - w.coresUsed >= minCores
                    && w.memoryMb - w.memoryUsedMb >= app.memoryPerExecutorMb && (d.coresPerExecutor != null || !hasOne)) {
                return d.nodeId + "'s app " + app.appId + " could have more executors: " + w.workerId + " has "
                        + (w.cores - w.coresUsed) + " cores and " + (w.memoryMb - w.memoryUsedMb) + " MB free";
            }
        }
        return null;
    }

    private static Violation safety(Sample s, String property, String detail) {
        return new Violation(Violation.Kind.SAFETY, property, detail, 0, s.atMs);
    }

    private static Violation liveness(Healed h, String property, String detail) {
        return new Violation(Violation.Kind.LIVENESS, property, detail, 0, h.atMs);
    }
}
