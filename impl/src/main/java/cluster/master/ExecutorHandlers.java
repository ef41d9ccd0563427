package cluster.master;

import cluster.core.AppRecord;
import cluster.core.ExecutorKey;
import cluster.core.StepOutput;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.ExecutorStateChangedAck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Spec actions about executors: MasterSchedule, MasterHandleExecutorStateChanged,
 * MasterResendExecutorCommand.
 */
final class ExecutorHandlers {
    private final MasterContext ctx;

    ExecutorHandlers(MasterContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Spec MasterSchedule (Spark's schedule()): book what one pass allocates, take the ids from the
     * apps' counters and persist the advanced counters (before any LaunchExecutor leaves, so ids never
     * repeat after failover), then send LaunchExecutor to the workers and ExecutorAdded to the drivers.
     */
    void masterSchedule(StepOutput out) {
        if (ctx.state.role() != MasterRole.ALIVE) {
            return;
        }
        LeaderTerm term = ctx.term();
        List<BookedExecutor> fresh = SchedulePass.plan(term, ctx);
        if (fresh.isEmpty()) {
            return;
        }
        out.action("MasterSchedule");
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (BookedExecutor e : fresh) {
            term.executors.put(e.key(), e);
            counts.merge(e.appId(), 1, Integer::sum);
        }
        for (Map.Entry<String, Integer> c : counts.entrySet()) {
            MasterApp app = term.apps.get(c.getKey());
            app.nextExecId += c.getValue();
            app.state = cluster.messages.ApplicationState.RUNNING;
            AppRecord record = term.storedApps.get(app.appId).withNextExecId(app.nextExecId);
            term.storedApps.put(app.appId, record);
            out.persist(term.epoch, record);
        }
        for (BookedExecutor e : fresh) {
            out.send(e.workerId(), ctx.commands.launchExecutor(term, e));
            out.send(term.apps.get(e.appId()).driverNode, ctx.commands.executorAdded(term, e));
            out.setTimer(MasterContext.RESEND_COMMAND, MasterContext.timerKey(term, e.key().toString()),
                    ctx.config.commandRetryMs());
        }
    }

    /**
     * Spec MasterHandleExecutorStateChanged, idempotent: acknowledged always; a report about an executor
     * the books do not hold on that worker changes nothing, except that a RUNNING one gets it killed; a
     * finished one leaves the books and is relayed to the driver; an abnormal end counts once against the
     * retry budget, which fails the app when exhausted and no executor of it runs; a driverGone report
     * ends the app instead of having its executor replaced.
     */
    void masterHandleExecutorStateChanged(ExecutorStateChanged msg, StepOutput out) {
        if (!ctx.leading()) {
            return;
        }
        LeaderTerm term = ctx.term();
        MasterWorker worker = term.workers.get(msg.workerId);
        if (worker == null || worker.state != MasterWorker.State.ALIVE || worker.incarnation != msg.incarnation) {
            return;
        }
        out.action("MasterHandleExecutorStateChanged");
        ExecutorKey key = new ExecutorKey(msg.appId, msg.execId);
        BookedExecutor booked = term.executors.get(key);
        if (booked != null && !booked.workerId().equals(msg.workerId)) {
            booked = null;
        }
        boolean finished = msg.state.isFinished();
        boolean counted = finished && !msg.normal() && booked != null;
        MasterApp app = term.apps.get(msg.appId);
        if (app != null) {
            if (counted) {
                app.retries++;
            } else if (msg.state == ExecutorState.RUNNING && booked != null) {
                app.retries = 0;
            }
        }
        if (booked != null) {
            if (finished) {
                term.executors.remove(key);
            } else if (booked.state() == BookedExecutor.State.LAUNCHING) {
                term.executors.put(key, booked.withState(BookedExecutor.State.RUNNING));
            }
        }
        boolean fails = counted && app.active() && ctx.config.maxExecutorRetries() >= 0
                && app.retries >= ctx.config.maxExecutorRetries() && !anyRunning(term, msg.appId);
        boolean ends = fails || (msg.driverGone && app != null && app.active());
        out.send(msg.workerId, new ExecutorStateChangedAck(term.epoch, msg.incarnation, msg.appId, msg.execId,
                msg.state));
        if (finished && booked != null) {
            out.send(app.driverNode, ctx.commands.executorUpdated(term, msg.appId, msg.execId, msg.state, msg.message));
        }
        if (msg.state == ExecutorState.RUNNING && booked == null) {
            out.send(msg.workerId, ctx.commands.killExecutor(term, msg.workerId, msg.incarnation, msg.appId,
                    msg.execId));
        }
        if (ends) {
            String why = fails ? "executors failed " + app.retries + " times in a row" : "the driver is gone";
            ctx.removeApplication(app, fails, why, out);
        }
        if (counted && booked.state() == BookedExecutor.State.LAUNCHING) {
            ctx.requestScheduleAfter(ctx.config.commandRetryMs(), out); // refused or died at start: back off
        } else {
            ctx.requestSchedule(out);
        }
    }

    /**
     * Spec MasterResendExecutorCommand: a LaunchExecutor or KillExecutor not yet answered (the executor is
     * still LAUNCHING or KILLING) is sent again to its ALIVE worker; the worker ignores duplicates.
     */
    void masterResendExecutorCommand(String executorKey, StepOutput out) {
        LeaderTerm term = ctx.term();
        BookedExecutor e = findExecutor(term, executorKey);
        if (e == null || e.state() == BookedExecutor.State.RUNNING) {
            return;
        }
        out.setTimer(MasterContext.RESEND_COMMAND, MasterContext.timerKey(term, executorKey),
                ctx.config.commandRetryMs());
        if (term.workers.get(e.workerId()).state != MasterWorker.State.ALIVE) {
            return;
        }
        out.action("MasterResendExecutorCommand");
        if (e.state() == BookedExecutor.State.LAUNCHING) {
            out.send(e.workerId(), ctx.commands.launchExecutor(term, e));
        } else {
            out.send(e.workerId(), ctx.commands.killExecutor(term, e));
        }
    }

    private static BookedExecutor findExecutor(LeaderTerm term, String executorKey) {
        for (BookedExecutor e : term.executors.values()) {
            if (e.key().toString().equals(executorKey)) {
                return e;
            }
        }
        return null;
    }

    private static boolean anyRunning(LeaderTerm term, String appId) {
        for (BookedExecutor e : term.bookedFor(appId)) {
            if (e.state() == BookedExecutor.State.RUNNING) {
                return true;
            }
        }
        return false;
    }
}
