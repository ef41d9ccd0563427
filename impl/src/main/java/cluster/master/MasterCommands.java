package cluster.master;

import cluster.messages.ApplicationRemoved;
import cluster.messages.ApplicationState;
import cluster.messages.ExecutorAdded;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorUpdated;
import cluster.messages.KillExecutor;
import cluster.messages.LaunchExecutor;
import cluster.messages.ReconnectWorker;
import cluster.messages.RegisteredApplication;
import cluster.messages.RegisteredWorker;

/**
 * The messages a leader sends, built as the spec builds them (ToWorker, KillMsg, LaunchCommand,
 * ToDriver, UpdatedMsg): every one carries the term's epoch, and every one to a worker carries the
 * worker incarnation it is meant for.
 */
final class MasterCommands {
    private final MasterConfig config;

    MasterCommands(MasterConfig config) {
        this.config = config;
    }

    RegisteredWorker registeredWorker(LeaderTerm term, long incarnation) {
        return new RegisteredWorker(term.epoch, config.masterId(), config.masterUrl(), incarnation);
    }

    ReconnectWorker reconnectWorker(LeaderTerm term, long incarnation) {
        return new ReconnectWorker(term.epoch, config.masterId(), incarnation);
    }

    /** Spec {@code LaunchCommand(m, e)}: to the incarnation the executor is booked on. */
    LaunchExecutor launchExecutor(LeaderTerm term, BookedExecutor e) {
        MasterWorker worker = term.workers.get(e.workerId());
        MasterApp app = term.apps.get(e.appId());
        return new LaunchExecutor(term.epoch, e.workerId(), worker.incarnation, e.appId(), e.execId(), e.cores(),
                e.memoryMb(), app.description.command);
    }

    /** Spec {@code KillMsg(m, e, inc)}. */
    KillExecutor killExecutor(LeaderTerm term, String workerId, long incarnation, String appId, int execId) {
        return new KillExecutor(term.epoch, workerId, incarnation, appId, execId);
    }

    KillExecutor killExecutor(LeaderTerm term, BookedExecutor e) {
        return killExecutor(term, e.workerId(), term.workers.get(e.workerId()).incarnation, e.appId(), e.execId());
    }

    ExecutorAdded executorAdded(LeaderTerm term, BookedExecutor e) {
        MasterWorker worker = term.workers.get(e.workerId());
        return new ExecutorAdded(term.epoch, e.appId(), e.execId(), e.workerId(), worker.hostPort(), e.cores(),
                e.memoryMb());
    }

    /** Spec {@code UpdatedMsg(m, a, id, state)}. */
    ExecutorUpdated executorUpdated(LeaderTerm term, String appId, int execId, ExecutorState state, String why) {
        return new ExecutorUpdated(term.epoch, appId, execId, state, why, null);
    }

    RegisteredApplication registeredApplication(LeaderTerm term, String appId) {
        return new RegisteredApplication(term.epoch, appId, config.masterId());
    }

    /** Spec {@code ToDriver("ApplicationRemoved", m, a)}: the app failed, or is a tombstone. */
    ApplicationRemoved applicationRemoved(LeaderTerm term, String appId, String why) {
        return new ApplicationRemoved(term.epoch, appId, ApplicationState.FAILED, why);
    }
}
