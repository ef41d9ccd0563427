package cluster.master;

import cluster.scheduler.AppAllocation;
import cluster.scheduler.AppDemand;
import cluster.scheduler.PlannedExecutor;
import cluster.scheduler.SchedulePlan;
import cluster.scheduler.Scheduler;
import cluster.scheduler.WorkerSlot;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/**
 * Spec operator {@code SchedulePass(m)}: the executors one scheduling pass books, computed by the
 * existing {@link Scheduler} from the leader's books. Booked executors (KILLING ones included) hold
 * their cores and memory and count against their app's cap and executor target, exactly as the spec's
 * {@code AssignCores} sees {@code mExecs}.
 */
final class SchedulePass {
    private SchedulePass() {
    }

    /** The new executors, apps in FIFO order, ids continuing from each app's counter; state LAUNCHING. */
    static List<BookedExecutor> plan(LeaderTerm term, MasterContext ctx) {
        List<WorkerSlot> slots = new ArrayList<>();
        for (String workerId : term.workerOrder) {
            MasterWorker w = term.workers.get(workerId);
            slots.add(new WorkerSlot(workerId, w.state == MasterWorker.State.ALIVE, term.freeCores(w),
                    term.freeMemoryMb(w)));
        }
        List<AppDemand> demands = new ArrayList<>();
        for (String appId : term.appOrder) {
            MasterApp app = term.apps.get(appId);
            if (app.registered()) {
                demands.add(demand(term, ctx, app));
            }
        }
        SchedulePlan plan = Scheduler.schedule(slots, demands, ctx.config.spreadOut());
        List<BookedExecutor> fresh = new ArrayList<>();
        for (AppAllocation allocation : plan.apps()) {
            int nextId = term.apps.get(allocation.appId()).nextExecId;
            for (PlannedExecutor p : allocation.executors()) {
                fresh.add(new BookedExecutor(p.appId(), nextId++, p.workerId(), p.cores(), p.memoryMb(),
                        BookedExecutor.State.LAUNCHING));
            }
        }
        return fresh;
    }

    private static AppDemand demand(LeaderTerm term, MasterContext ctx, MasterApp app) {
        Integer cpe = app.description.coresPerExecutor;
        int cap = ctx.cap(app.description);
        int coresLeft = cap == AppDemand.UNLIMITED ? AppDemand.UNLIMITED : cap - term.coresGranted(app.appId);
        return new AppDemand(app.appId, cpe == null ? OptionalInt.empty() : OptionalInt.of(cpe),
                app.description.memoryPerExecutorMb, coresLeft, app.target, term.bookedFor(app.appId).size());
    }
}
