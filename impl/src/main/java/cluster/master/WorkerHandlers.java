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
     * registering: persisted before RegisteredWorker leaves, but UNKNOWN until its executor list
     * (WorkerLatestState) arrives, so nothing is placed on capacity its executors may already use; a newer
     * incarnation's predecessor's executors are lost. While RECOVERING, a worker this term did not recover
     * is left unanswered until recovery ends (see the check below).
     */
    void masterHandleRegisterWorker(RegisterWorker msg, long nowMs, StepOutput out) {
        if (!ctx.leading()) {
            return;
        }
        LeaderTerm term = ctx.term();
        MasterWorker entry = term.workers.get(msg.workerId);
        MasterWorker.State entryState = entry == null ? MasterWorker.State.NONE : entry.state;
        long entryIncarnation = entry == null ? 0 : entry.incarnation;
        boolean removedIncarnation = entryState == MasterWorker.State.NONE && entryIncarnation == msg.incarnation;
        if (entryState == MasterWorker.State.NONE && !removedIncarnation && msg.incarnation > entryIncarnation
                && ctx.state.role() == MasterRole.RECOVERING) {
            // A worker this term did not recover may be one an earlier leader removed whose ReconnectWorker
            // was lost, still running executors that leader replaced: adopting them would break app caps.
            // It registers after recovery (its registration retry), when unknown executors are not adopted.
            return;
        }
        out.action("MasterHandleRegisterWorker");
        if (entryState == MasterWorker.State.ALIVE && entryIncarnation == msg.incarnation) {
            entry.lastHeardMs = nowMs;
            out.send(msg.workerId, ctx.commands.registeredWorker(term, msg.incarnation));
            return;
        }
        if (removedIncarnation || msg.incarnation < entryIncarnation) {
            out.send(msg.workerId, ctx.commands.reconnectWorker(term, msg.incarnation));
            return;
        }
        List<BookedExecutor> lost = entryIncarnation == msg.incarnation ? List.of() : term.bookedOn(msg.workerId);
        if (entry == null) {
            entry = new MasterWorker(msg.workerId, msg.host, msg.port, msg.cores, msg.memoryMb,
                    MasterWorker.State.UNKNOWN, msg.incarnation, nowMs);
            term.workers.put(msg.workerId, entry);
        } else {
            entry.host = msg.host;
            entry.port = msg.port;
            entry.cores = msg.cores;
            entry.memoryMb = msg.memoryMb;
            entry.state = MasterWorker.State.UNKNOWN;
            entry.incarnation = msg.incarnation;
            entry.lastHeardMs = nowMs;
            entry.lastAskedMs = nowMs;
        }
        term.workerOrder.remove(msg.workerId);
        for (BookedExecutor e : lost) {
            term.executors.remove(e.key());
        }
        out.persist(term.epoch, new WorkerRecord(msg.workerId, msg.incarnation, msg.host, msg.port, msg.cores,
                msg.memoryMb));
        out.send(msg.workerId, ctx.commands.registeredWorker(term, msg.incarnation));
        reportLost(term, lost, "the worker restarted", out);
        armWorkerTimeout(term, msg.workerId, ctx.config.workerTimeoutMs(), out);
        if (!lost.isEmpty()) {
            ctx.requestSchedule(out); // their apps may want replacements elsewhere
        }
    }

    /**
     * Spec MasterHandleWorkerLatestState: a registered (UNKNOWN) worker lists its executors and is ALIVE;
     * those the books lack are killed, except that while RECOVERING those of known apps are adopted. The
     * list of a worker already ALIVE is a late or repeated answer that tells nothing new: only consumed
     * (a step that changes nothing). Once recovery is over, a first list that names executors the books
     * lack removes the registration instead ({@link #removeZombieRegistration}).
     */
    void masterHandleWorkerLatestState(WorkerLatestState msg, long nowMs, StepOutput out) {
        if (!ctx.leading() || msg.epoch != ctx.term().epoch) {
            return;
        }
        MasterWorker entry = ctx.term().workers.get(msg.workerId);
        if (entry == null || entry.state == MasterWorker.State.NONE || entry.incarnation != msg.incarnation) {
            return;
        }
        out.action("MasterHandleWorkerLatestState");
        if (entry.state == MasterWorker.State.UNKNOWN && ctx.state.role() == MasterRole.ALIVE
                && listsUnbooked(msg.executors)) {
            removeZombieRegistration(entry, out);
        } else if (entry.state == MasterWorker.State.UNKNOWN) {
            workerListed(entry, msg.executors, nowMs, out);
        }
    }

    /**
     * Once recovery is over a worker registers with nothing booked on it, so what its first list names are
     * zombies of a registration some leader removed (its ReconnectWorker lost). A KillExecutor is sent once
     * and may be lost, and the persisted record would let a later leader adopt them while their
     * replacements run; so this registration is removed too and told ReconnectWorker (repeated on its
     * heartbeats until it lands), which stops them all.
     */
    private void removeZombieRegistration(MasterWorker entry, StepOutput out) {
        LeaderTerm term = ctx.term();
        entry.state = MasterWorker.State.NONE;
        out.unpersist(term.epoch, WorkerRecord.keyOf(entry.workerId));
        out.send(entry.workerId, ctx.commands.reconnectWorker(term, entry.incarnation));
    }

    private boolean listsUnbooked(List<ExecutorDescription> executors) {
        return executors.stream().anyMatch(r ->
                !ctx.term().executors.containsKey(new cluster.core.ExecutorKey(r.appId, r.execId)));
    }

    /**
     * Spec MasterHandleWorkerSchedulerStateResponse: a recovered worker answers MasterChanged with its
     * executors; it is ALIVE again, and its executors are reconciled (adopted while RECOVERING).
     */
    void masterHandleWorkerSchedulerStateResponse(WorkerSchedulerStateResponse msg, long nowMs, StepOutput out) {
        if (!ctx.leading() || msg.epoch != ctx.term().epoch) {
            return;
        }
        MasterWorker entry = ctx.term().workers.get(msg.workerId);
        if (entry == null || entry.state != MasterWorker.State.UNKNOWN || entry.incarnation != msg.incarnation) {
            return;
        }
        out.action("MasterHandleWorkerSchedulerStateResponse");
        workerListed(entry, msg.executors, nowMs, out);
    }

    /** An UNKNOWN worker's executor list arrived (either answer): reconcile it; the worker is ALIVE and usable. */
    private void workerListed(MasterWorker entry, List<ExecutorDescription> executors, long nowMs, StepOutput out) {
        LeaderTerm term = ctx.term();
        reconcile(entry.workerId, entry.incarnation, executors, out);
        entry.state = MasterWorker.State.ALIVE;
        entry.lastHeardMs = nowMs;
        term.moveToEndOfWorkerOrder(entry.workerId);
        armWorkerTimeout(term, entry.workerId, ctx.config.workerTimeoutMs(), out);
        ctx.completeRecoveryIfEveryoneAnswered(out);
        ctx.requestSchedule(out);
    }

    /**
     * A heartbeat of the incarnation the books hold refreshes its liveness; for an ALIVE one that is all:
     * no spec step (heartbeats are abstracted in the spec). The spec's MasterHandleHeartbeat is the rest:
     * an UNKNOWN one whose executor list has not come for {@code commandRetryMs} since it was last asked
     * for (the question or the answer was lost) hears RegisteredWorker again, which it answers with a
     * fresh WorkerLatestState; any other incarnation hears ReconnectWorker (Spark answers an unknown
     * worker's heartbeat so).
     */
    void masterHandleHeartbeat(Heartbeat msg, long nowMs, StepOutput out) {
        if (!ctx.leading()) {
            return;
        }
        LeaderTerm term = ctx.term();
        MasterWorker entry = term.workers.get(msg.workerId);
        boolean held = entry != null && entry.incarnation == msg.incarnation
                && (entry.state == MasterWorker.State.ALIVE || entry.state == MasterWorker.State.UNKNOWN);
        if (!held) {
            out.action("MasterHandleHeartbeat");
            out.send(msg.workerId, ctx.commands.reconnectWorker(term, msg.incarnation));
            return;
        }
        entry.lastHeardMs = nowMs;
        if (entry.state == MasterWorker.State.UNKNOWN && nowMs - entry.lastAskedMs >= ctx.config.commandRetryMs()) {
            out.action("MasterHandleHeartbeat");
            entry.lastAskedMs = nowMs;
            out.send(msg.workerId, ctx.commands.registeredWorker(term, msg.incarnation));
        }
    }

    /**
     * Spec MasterWorkerTimeout (MasterWorkerTimeoutOfDeadWorker or ...OfLiveWorker: the master cannot
     * tell which): a registered worker (ALIVE, or UNKNOWN once recovery has ended) not heard from for the
     * worker timeout is removed, its executors reported LOST, its record deleted, and it is told
     * ReconnectWorker in case it still lives.
     */
    void masterWorkerTimeout(String workerId, long nowMs, StepOutput out) {
        LeaderTerm term = ctx.term();
        MasterWorker entry = term.workers.get(workerId);
        if (entry == null || entry.state == MasterWorker.State.NONE) {
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
