package cluster.master;

import cluster.core.StepOutput;
import cluster.core.WorkerRecord;
import cluster.messages.ExecutorDescription;
import cluster.messages.ExecutorState;
import cluster.messages.Heartbeat;
import cluster.messages.RegisterWorker;
import cluster.messages.WorkerLatestState;
import cluster.messages.WorkerSchedulerStateResponse;

import java.util.List;

/**
 * Spec actions about workers: MasterHandleRegisterWorker, MasterHandleWorkerLatestState,
 * MasterHandleWorkerSchedulerStateResponse, MasterHandleHeartbeat, MasterWorkerTimeout.
 */
final class WorkerHandlers {
    private final MasterContext ctx;

    WorkerHandlers(MasterContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Spec MasterHandleRegisterWorker. A standby leaves the request unanswered (the worker retries).
     * The same ALIVE incarnation again: acknowledge again. An incarnation this master removed, or an older
     * one: ReconnectWorker (start over as a new incarnation). A newer incarnation, or a recovered one
     * registering: ALIVE, persisted before RegisteredWorker leaves; a newer incarnation's predecessor's
     * executors are lost.
     */
    void masterHandleRegisterWorker(RegisterWorker msg, long nowMs, StepOutput out) {
        if (!ctx.leading()) {
            return;
        }
        LeaderTerm term = ctx.term();
        MasterWorker entry = term.workers.get(msg.workerId);
        MasterWorker.State entryState = entry == null ? MasterWorker.State.NONE : entry.state;
        long entryIncarnation = entry == null ? 0 : entry.incarnation;
        out.action("MasterHandleRegisterWorker");
        if (entryState == MasterWorker.State.ALIVE && entryIncarnation == msg.incarnation) {
            entry.lastHeardMs = nowMs;
            out.send(msg.workerId, ctx.commands.registeredWorker(term, msg.incarnation));
            return;
        }
        boolean removedIncarnation = entryState == MasterWorker.State.NONE && entryIncarnation == msg.incarnation;
        if (removedIncarnation || msg.incarnation < entryIncarnation) {
            out.send(msg.workerId, ctx.commands.reconnectWorker(term, msg.incarnation));
            return;
        }
        List<BookedExecutor> lost = entryIncarnation == msg.incarnation ? List.of() : term.bookedOn(msg.workerId);
        if (entry == null) {
            entry = new MasterWorker(msg.workerId, msg.host, msg.port, msg.cores, msg.memoryMb,
                    MasterWorker.State.ALIVE, msg.incarnation, nowMs);
            term.workers.put(msg.workerId, entry);
        } else {
            entry.host = msg.host;
            entry.port = msg.port;
            entry.cores = msg.cores;
            entry.memoryMb = msg.memoryMb;
            entry.state = MasterWorker.State.ALIVE;
            entry.incarnation = msg.incarnation;
            entry.lastHeardMs = nowMs;
        }
        term.moveToEndOfWorkerOrder(msg.workerId);
        for (BookedExecutor e : lost) {
            term.executors.remove(e.key());
        }
        out.persist(term.epoch, new WorkerRecord(msg.workerId, msg.incarnation, msg.host, msg.port, msg.cores,
                msg.memoryMb));
        out.send(msg.workerId, ctx.commands.registeredWorker(term, msg.incarnation));
        reportLost(term, lost, "the worker restarted", out);
        armWorkerTimeout(term, msg.workerId, ctx.config.workerTimeoutMs(), out);
        ctx.completeRecoveryIfEveryoneAnswered(out);
        ctx.requestSchedule(out);
    }

    /**
     * Spec MasterHandleWorkerLatestState: a registered worker lists its executors; those the books lack
     * are killed, except that while RECOVERING those of known apps are adopted.
     */
    void masterHandleWorkerLatestState(WorkerLatestState msg, StepOutput out) {
        if (!ctx.leading() || msg.epoch != ctx.term().epoch) {
            return;
        }
        MasterWorker entry = ctx.term().workers.get(msg.workerId);
        if (entry == null || entry.state != MasterWorker.State.ALIVE || entry.incarnation != msg.incarnation) {
            return;
        }
        out.action("MasterHandleWorkerLatestState");
        reconcile(msg.workerId, msg.incarnation, msg.executors, out);
    }

    /**
     * Spec MasterHandleWorkerSchedulerStateResponse: a recovered worker answers MasterChanged with its
     * executors; it is ALIVE again, and its executors are reconciled (adopted while RECOVERING).
     */
    void masterHandleWorkerSchedulerStateResponse(WorkerSchedulerStateResponse msg, long nowMs, StepOutput out) {
        if (!ctx.leading() || msg.epoch != ctx.term().epoch) {
            return;
        }
        LeaderTerm term = ctx.term();
        MasterWorker entry = term.workers.get(msg.workerId);
        if (entry == null || entry.state != MasterWorker.State.UNKNOWN || entry.incarnation != msg.incarnation) {
            return;
        }
        out.action("MasterHandleWorkerSchedulerStateResponse");
        reconcile(msg.workerId, msg.incarnation, msg.executors, out);
        entry.state = MasterWorker.State.ALIVE;
        entry.lastHeardMs = nowMs;
        term.moveToEndOfWorkerOrder(msg.workerId);
        armWorkerTimeout(term, msg.workerId, ctx.config.workerTimeoutMs(), out);
        ctx.completeRecoveryIfEveryoneAnswered(out);
        ctx.requestSchedule(out);
    }

    /**
     * A heartbeat of the incarnation the books hold (ALIVE, or UNKNOWN while recovering) only refreshes
     * its liveness: no spec step (heartbeats are abstracted in the spec). Any other incarnation is the
     * spec's MasterHandleHeartbeat: it hears ReconnectWorker (Spark answers an unknown worker's heartbeat so).
     */
    void masterHandleHeartbeat(Heartbeat msg, long nowMs, StepOutput out) {
        if (!ctx.leading()) {
            return;
        }
        LeaderTerm term = ctx.term();
        MasterWorker entry = term.workers.get(msg.workerId);
        boolean held = entry != null && entry.incarnation == msg.incarnation
                && (entry.state == MasterWorker.State.ALIVE || entry.state == MasterWorker.State.UNKNOWN);
        if (held) {
            entry.lastHeardMs = nowMs;
            return;
        }
        out.action("MasterHandleHeartbeat");
        out.send(msg.workerId, ctx.commands.reconnectWorker(term, msg.incarnation));
    }

    /**
     * Spec MasterWorkerTimeout (MasterWorkerTimeoutOfDeadWorker or ...OfLiveWorker: the master cannot
     * tell which): an ALIVE worker not heard from for the worker timeout is removed, its executors
     * reported LOST, its record deleted, and it is told ReconnectWorker in case it still lives.
     */
    void masterWorkerTimeout(String workerId, long nowMs, StepOutput out) {
        LeaderTerm term = ctx.term();
        MasterWorker entry = term.workers.get(workerId);
        if (entry == null || entry.state != MasterWorker.State.ALIVE) {
            return;
        }
        long silentMs = nowMs - entry.lastHeardMs;
        if (ctx.state.role() != MasterRole.ALIVE || silentMs < ctx.config.workerTimeoutMs()) {
            armWorkerTimeout(term, workerId, Math.max(1, ctx.config.workerTimeoutMs() - silentMs), out);
            return;
        }
        out.action("MasterWorkerTimeout");
        List<BookedExecutor> lost = term.bookedOn(workerId);
        entry.state = MasterWorker.State.NONE;
        term.workerOrder.remove(workerId);
        for (BookedExecutor e : lost) {
            term.executors.remove(e.key());
        }
        out.unpersist(term.epoch, WorkerRecord.keyOf(workerId));
        out.send(workerId, ctx.commands.reconnectWorker(term, entry.incarnation));
        reportLost(term, lost, "worker lost: no heartbeat for " + silentMs + " ms", out);
        ctx.requestSchedule(out);
    }

    /**
     * Spec {@code Reconcile}: of the reported executors the books lack, adopt (as RUNNING) those of
     * apps this master knows with an id it already handed out, but only while RECOVERING (before
     * anything is scheduled); kill every other one (Spark forgets them; here they are killed).
     */
    private void reconcile(String workerId, long incarnation, List<ExecutorDescription> reported, StepOutput out) {
        LeaderTerm term = ctx.term();
        boolean adopt = ctx.state.role() == MasterRole.RECOVERING;
        for (ExecutorDescription r : reported) {
            cluster.core.ExecutorKey key = new cluster.core.ExecutorKey(r.appId, r.execId);
            if (term.executors.containsKey(key)) {
                continue;
            }
            MasterApp app = term.apps.get(r.appId);
            boolean adoptable = adopt && app != null && app.active() && r.execId < app.nextExecId;
            if (adoptable) {
                term.executors.put(key, new BookedExecutor(r.appId, r.execId, workerId, r.cores, r.memoryMb,
                        BookedExecutor.State.RUNNING));
            } else {
                out.send(workerId, ctx.commands.killExecutor(term, workerId, incarnation, r.appId, r.execId));
            }
        }
    }

    private void reportLost(LeaderTerm term, List<BookedExecutor> lost, String why, StepOutput out) {
        for (BookedExecutor e : lost) {
            MasterApp app = term.apps.get(e.appId());
            out.send(app.driverNode, ctx.commands.executorUpdated(term, e.appId(), e.execId(), ExecutorState.LOST, why));
        }
    }

    private void armWorkerTimeout(LeaderTerm term, String workerId, long delayMs, StepOutput out) {
        out.setTimer(MasterContext.WORKER_TIMEOUT, MasterContext.timerKey(term, workerId), delayMs);
    }
}
