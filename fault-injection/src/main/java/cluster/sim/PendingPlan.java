package cluster.sim;

import cluster.master.BookedExecutor;
import cluster.master.LeaderTerm;
import cluster.master.MasterApp;
import cluster.master.MasterWorker;
import cluster.messages.ApplicationDescription;
import cluster.scheduler.AppDemand;
import cluster.scheduler.PlannedExecutor;
import cluster.scheduler.Scheduler;
import cluster.scheduler.WorkerSlot;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.OptionalInt;

/**
 * What {@link Scheduler} would still place if handed the leader's books now: after the quiet phase it must be
 * nothing, or the leader left capacity unused that its own allocation rules would hand out.
 */
final class PendingPlan {
    private PendingPlan() {
    }

    static List<PlannedExecutor> of(MasterNode leader, LeaderTerm term) {
        Collection<BookedExecutor> books = term.executors();
        List<WorkerSlot> slots = new ArrayList<>();
        for (String workerId : term.workerOrder()) {
            MasterWorker w = term.workers().get(workerId);
            int cores = w.cores();
            int memoryMb = w.memoryMb();
            for (BookedExecutor e : books) {
                if (e.workerId().equals(workerId)) {
                    cores -= e.cores();
                    memoryMb -= e.memoryMb();
                }
            }
            slots.add(new WorkerSlot(workerId, w.state() == MasterWorker.State.ALIVE, cores, memoryMb));
        }
        List<AppDemand> demands = new ArrayList<>();
        for (String appId : term.appOrder()) {
            MasterApp app = term.apps().get(appId);
            ApplicationDescription d = app.description();
            int cap = d.maxCores == null ? leader.config.defaultCores() : d.maxCores;
            int granted = 0;
            int count = 0;
            for (BookedExecutor e : books) {
                if (e.appId().equals(appId)) {
                    granted += e.cores();
                    count++;
                }
            }
            int coresLeft = cap == AppDemand.UNLIMITED ? AppDemand.UNLIMITED : cap - granted;
            demands.add(new AppDemand(appId, d.coresPerExecutor == null ? OptionalInt.empty()
                    : OptionalInt.of(d.coresPerExecutor), d.memoryPerExecutorMb, coresLeft, app.target(), count));
        }
        return Scheduler.schedule(slots, demands, leader.config.spreadOut()).executors();
    }
}
