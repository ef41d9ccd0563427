package cluster.sim;

import cluster.driver.DriverState;
import cluster.master.BookedExecutor;
import cluster.master.LeaderTerm;
import cluster.master.MasterApp;
import cluster.master.MasterRole;
import cluster.master.MasterWorker;
import cluster.messages.ApplicationDescription;
import cluster.messages.ApplicationState;
import cluster.scheduler.AppDemand;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The spec's liveness properties, checked once the faults have healed and the quiet phase is over (the spec's
 * {@code <>[]} read as "holds at the end of a long enough quiet period"): a stable leader exists
 * (LeaderEventuallyAlive), no master is stuck recovering (RecoveryCompletes), every live driver is registered with
 * the leader and has what free capacity and its limits allow (AppsGetExecutors, stated as the spec states it and
 * compared with what {@link cluster.scheduler.Scheduler} would still place), the leader's books are the executors
 * really running (BooksMatchRunningExecutors), and no executor of a finished app runs (FinishedAppsStop).
 */
final class LivenessChecks {
    private LivenessChecks() {
    }

    static Violation check(Simulation sim) {
        for (MasterNode m : sim.masters) {
            if (m.alive && m.core.state().role() == MasterRole.RECOVERING) {
                return violation(sim, "RecoveryCompletes", m.id + " is still RECOVERING");
            }
        }
        MasterNode leader = stableLeader(sim);
        if (leader == null) {
            return violation(sim, "LeaderEventuallyAlive", "no master is ALIVE holding the lease (holder: "
                    + sim.coordination.leader() + ", epoch " + sim.coordination.epoch() + ")");
        }
        LeaderTerm term = leader.core.state().term();
        for (DriverNode d : sim.drivers) {
            String problem = d.alive ? appProblem(sim, leader, term, d) : null;
            if (problem != null) {
                return violation(sim, "AppsGetExecutors", problem);
            }
        }
        java.util.List<cluster.scheduler.PlannedExecutor> pending = PendingPlan.of(leader, term);
        if (!pending.isEmpty()) {
            return violation(sim, "AppsGetExecutors", leader.id + " left capacity unused: its scheduler would still "
                    + "place " + pending);
        }
        Set<String> booked = new TreeSet<>();
        for (BookedExecutor e : term.executors()) {
            booked.add(e.appId() + "/" + e.execId() + "@" + e.workerId());
        }
        Set<String> running = new TreeSet<>();
        for (ExecutorNode e : sim.executors.values()) {
            running.add(e.appId + "/" + e.execId + "@" + e.workerId);
        }
        if (!booked.equals(running)) {
            return violation(sim, "BooksMatchRunningExecutors", leader.id + " books " + booked + ", running: "
                    + running);
        }
        for (ExecutorNode e : sim.executors.values()) {
            DriverNode d = sim.processes.driver(e.driverNode);
            if (d == null || !d.alive || d.core.state().phase() == DriverState.Phase.DONE) {
                return violation(sim, "FinishedAppsStop", "executor " + e.appId + "/" + e.execId + " on "
                        + e.workerId + " still runs; its driver " + e.driverNode + " is done");
            }
        }
        return null;
    }

    private static MasterNode stableLeader(Simulation sim) {
        for (MasterNode m : sim.masters) {
            if (m.alive && m.core.state().role() == MasterRole.ALIVE && sim.holdsLease(m)) {
                return m;
            }
        }
        return null;
    }

    /** Why the driver's app does not have what it should from the leader, or null. */
    private static String appProblem(Simulation sim, MasterNode leader, LeaderTerm term, DriverNode d) {
        DriverState state = d.core.state();
        if (state.phase() == DriverState.Phase.DONE) {
            return null;
        }
        if (state.phase() != DriverState.Phase.REGISTERED || !leader.id.equals(state.master())) {
            return d.id + " is " + state.phase() + " following " + state.master() + ", not the leader " + leader.id;
        }
        MasterApp app = term.apps().get(state.appId());
        if (app == null || (app.state() != ApplicationState.WAITING && app.state() != ApplicationState.RUNNING)) {
            return d.id + "'s app " + state.appId() + " is " + (app == null ? "unknown" : app.state()) + " at "
                    + leader.id;
        }
        if (!satisfied(leader, term, app)) {
            return d.id + "'s app " + app.appId() + " could have more executors: " + term.executors();
        }
        return null;
    }

    /**
     * Spec AppSatisfied: its cap is reached, or its executor target, or no live worker can host one more of its
     * executors; stated without the allocation operator, so a broken scheduler cannot make it hold.
     */
    static boolean satisfied(MasterNode leader, LeaderTerm term, MasterApp app) {
        ApplicationDescription description = app.description();
        int minCores = description.coresPerExecutor == null ? 1 : description.coresPerExecutor;
        int cap = description.maxCores == null ? leader.config.defaultCores() : description.maxCores;
        Collection<BookedExecutor> books = term.executors();
        int granted = 0;
        int count = 0;
        for (BookedExecutor e : books) {
            if (e.appId().equals(app.appId())) {
                granted += e.cores();
                count++;
            }
        }
        if (cap != AppDemand.UNLIMITED && cap - granted < minCores) {
            return true;
        }
        if (count >= app.target()) {
            return true;
        }
        for (MasterWorker w : term.workers().values()) {
            if (w.state() != MasterWorker.State.ALIVE) {
                continue;
            }
            int cores = w.cores();
            int memoryMb = w.memoryMb();
            for (BookedExecutor e : books) {
                if (e.workerId().equals(w.workerId())) {
                    cores -= e.cores();
                    memoryMb -= e.memoryMb();
                }
            }
            if (cores >= minCores && memoryMb >= description.memoryPerExecutorMb) {
                return false;
            }
        }
        return true;
    }

    private static Violation violation(Simulation sim, String property, String detail) {
        return new Violation(Violation.Kind.LIVENESS, property, detail, sim.steps, sim.nowMs);
    }
}
