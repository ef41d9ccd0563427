package cluster.sim;

import cluster.master.BookedExecutor;
import cluster.master.LeaderTerm;
import cluster.master.MasterApp;
import cluster.master.MasterCore;
import cluster.scheduler.AppDemand;

import java.util.Collection;
import java.util.Map;
import java.util.Set;

/**
 * The spec's safety properties that can be seen from outside the cores (spec/tla/SparkStandalone.tla,
 * "Safety"), checked after every step, each only where that step can have broken it: a master's books after its
 * step, a machine's load after its worker's step (a launch), a driver's count after its step. The ones only a
 * moment can show (ExecutorLaunchedOnce at a launch, FencingRespected at a delivery, NothingLaunchedForFinishedApp
 * at a send) are checked there.
 */
final class SafetyChecks {
    private SafetyChecks() {
    }

    static void afterStep(Simulation sim, SimNode node) {
        if (sim.violation != null) {
            return;
        }
        switch (node.role) {
            case MASTER -> {
                oneLeaderPerEpoch(sim);
                MasterNode m = (MasterNode) node;
                if (m.alive && m.core.state().term() != null) {
                    books(sim, m);
                    executorIdsAhead(sim, m);
                }
            }
            case WORKER -> {
                workerCapacity(sim, (WorkerNode) node);
                for (MasterNode m : sim.masters) {
                    if (m.alive && m.core.state().term() != null) {
                        executorIdsAhead(sim, m);
                    }
                }
            }
            case DRIVER -> driverCountsOnlyLaunched(sim, (DriverNode) node);
            case EXECUTOR -> {
            }
        }
    }

    /** OneLeaderPerEpoch: no two masters lead (RECOVERING or ALIVE) in the same epoch. */
    static void oneLeaderPerEpoch(Simulation sim) {
        for (int i = 0; i < sim.masters.size(); i++) {
            MasterNode a = sim.masters.get(i);
            if (!a.alive || !a.core.state().role().leading()) {
                continue;
            }
            for (int j = i + 1; j < sim.masters.size(); j++) {
                MasterNode b = sim.masters.get(j);
                if (b.alive && b.core.state().role().leading() && b.core.state().epoch() == a.core.state().epoch()) {
                    sim.violated(Violation.Kind.SAFETY, "OneLeaderPerEpoch",
                            a.id + " and " + b.id + " both lead epoch " + a.core.state().epoch());
                }
            }
        }
    }

    /** BooksWithinWorkerCapacity, AppCapRespected and RetriesCountRealFailures on one master's books. */
    private static void books(Simulation sim, MasterNode m) {
        LeaderTerm term = m.core.state().term();
        Collection<BookedExecutor> booked = term.executors();
        for (WorkerNode w : sim.workers) {
            int cores = 0;
            int memoryMb = 0;
            for (BookedExecutor e : booked) {
                if (e.workerId().equals(w.id)) {
                    cores += e.cores();
                    memoryMb += e.memoryMb();
                }
            }
            if (cores > w.real.cores() || memoryMb > w.real.memoryMb()) {
                sim.violated(Violation.Kind.SAFETY, "BooksWithinWorkerCapacity", m.id + " books " + cores + " cores, "
                        + memoryMb + " MB on " + w.id + " (" + w.real.cores() + " cores, " + w.real.memoryMb()
                        + " MB)");
                return;
            }
        }
        for (MasterApp app : term.apps().values()) {
            int cap = app.description().maxCores == null ? m.config.defaultCores() : app.description().maxCores;
            int granted = 0;
            for (BookedExecutor e : booked) {
                if (e.appId().equals(app.appId())) {
                    granted += e.cores();
                }
            }
            if (cap != AppDemand.UNLIMITED && granted > cap) {
                sim.violated(Violation.Kind.SAFETY, "AppCapRespected",
                        m.id + " grants " + app.appId() + " " + granted + " cores, its cap is " + cap);
                return;
            }
            int real = sim.history.abnormalExits(app.appId());
            if (app.retries() > real) {
                sim.violated(Violation.Kind.SAFETY, "RetriesCountRealFailures", m.id + " counts " + app.retries()
                        + " executor failures of " + app.appId() + ", " + real + " really happened");
                return;
            }
        }
    }

    /** ExecutorIdsAhead: a leader holding the lease has every app's id counter above every id ever started. */
    private static void executorIdsAhead(Simulation sim, MasterNode m) {
        MasterCore core = m.core;
        if (!core.state().role().leading() || !sim.holdsLease(m)) {
            return;
        }
        Map<String, MasterApp> apps = core.state().term().apps();
        for (Map.Entry<String, Integer> launched : sim.history.largestLaunchedId.entrySet()) {
            MasterApp app = apps.get(launched.getKey());
            if (app != null && launched.getValue() >= app.nextExecId()) {
                sim.violated(Violation.Kind.SAFETY, "ExecutorIdsAhead", m.id + " (epoch " + core.state().epoch()
                        + ") would hand out id " + app.nextExecId() + " of " + app.appId() + ", but id "
                        + launched.getValue() + " was already started");
                return;
            }
        }
    }

    /** WorkerCapacityRespected: the executor processes running on a machine fit in it. */
    private static void workerCapacity(Simulation sim, WorkerNode w) {
        int cores = 0;
        int memoryMb = 0;
        for (ExecutorNode e : sim.executors.values()) {
            if (e.workerId.equals(w.id)) {
                cores += e.cores;
                memoryMb += e.memoryMb;
            }
        }
        if (cores > w.real.cores() || memoryMb > w.real.memoryMb()) {
            sim.violated(Violation.Kind.SAFETY, "WorkerCapacityRespected", w.id + " runs executors of " + cores
                    + " cores, " + memoryMb + " MB (it has " + w.real.cores() + " cores, " + w.real.memoryMb() + " MB)");
        }
    }

    /** DriverCountsOnlyLaunched: a driver counts only executors a worker really started for it. */
    private static void driverCountsOnlyLaunched(Simulation sim, DriverNode d) {
        Set<Integer> counted = d.core.state().executors();
        if (counted.isEmpty()) {
            return;
        }
        Set<Integer> launched = sim.history.launchedForDriver.getOrDefault(d.id, Set.of());
        for (int id : counted) {
            if (!launched.contains(id)) {
                sim.violated(Violation.Kind.SAFETY, "DriverCountsOnlyLaunched",
                        d.id + " counts executor " + id + ", which no worker started for it");
                return;
            }
        }
    }
}
