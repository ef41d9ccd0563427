package cluster.worker;

import cluster.core.StepOutput;
import cluster.messages.Heartbeat;
import cluster.messages.MasterChanged;
import cluster.messages.ReconnectWorker;
import cluster.messages.RegisterWorker;
import cluster.messages.RegisteredWorker;
import cluster.messages.WorkerLatestState;
import cluster.messages.WorkerSchedulerStateResponse;

/**
 * Spec actions of a worker's relation to masters: WorkerRestart, WorkerSendRegisterWorker,
 * WorkerHandleRegisteredWorker, WorkerHandleReconnectWorker, WorkerHandleMasterChanged; plus the
 * heartbeat, which the spec abstracts.
 */
final class RegistrationHandlers {
    private final WorkerConfig config;
    private final WorkerNodeState state;

    RegistrationHandlers(WorkerConfig config, WorkerNodeState state) {
        this.config = config;
        this.state = state;
    }

    /**
     * The process started. The very first start is part of the spec's Init (RegisterWorker to every
     * master is in flight from the start); a start after a crash is WorkerRestart, and the registration
     * follows as its own step (WorkerSendRegisterWorker).
     */
    void started(boolean restart, StepOutput out) {
        if (restart) {
            workerRestart(out);
        } else {
            registerWithEveryMaster(out);
        }
    }

    /** Spec WorkerRestart: the worker is up again as a new incarnation with no executors, master or floor. */
    void workerRestart(StepOutput out) {
        out.action("WorkerRestart");
        out.traceAllVariables();
        out.setTimer(WorkerCore.SEND_REGISTER_WORKER, "", 0);
    }

    /**
     * Spec WorkerSendRegisterWorker (and WorkerSuspectsLiveMaster, the same step when the master it gives up on
     * still leads): a worker with no master, or whose master's connection broke, registers with every master.
     * It keeps its fencing floor: a connection that stays broken cannot tell a dead master from a live one out
     * of reach, and a master that still leads must be able to take the worker back (with the floor raised past
     * its term, the worker refused every answer of its leader until the next election). A registered worker
     * whose connection is fine takes no step.
     */
    void workerSendRegisterWorker(StepOutput out) {
        if (state.master != null && !state.masterConnectionLost) {
            return;
        }
        out.action("WorkerSendRegisterWorker");
        if (state.master != null) {
            state.master = null;
            state.masterConnectionLost = false;
        }
        registerWithEveryMaster(out);
    }

    /** Spec WorkerHandleRegisteredWorker: follow that master and tell it which executors run here (WorkerLatestState). */
    void workerHandleRegisteredWorker(RegisteredWorker msg, StepOutput out) {
        if (msg.incarnation != state.incarnation || msg.epoch < state.epochFloor) {
            return; // another incarnation's, or fenced: older than an epoch this incarnation has seen
        }
        out.action("WorkerHandleRegisteredWorker");
        follow(msg.masterId, msg.epoch, out);
        out.send(msg.masterId, new WorkerLatestState(msg.epoch, config.workerId(), state.incarnation,
                state.executorList()));
    }

    /**
     * Spec WorkerHandleReconnectWorker: the master no longer holds this incarnation. Its executors stop
     * (the master already reported them LOST) and the worker starts over as the next incarnation, which
     * then registers (WorkerSendRegisterWorker).
     */
    void workerHandleReconnectWorker(ReconnectWorker msg, StepOutput out) {
        if (msg.incarnation != state.incarnation || msg.epoch < state.epochFloor) {
            return;
        }
        out.action("WorkerHandleReconnectWorker");
        for (RunningExecutor e : state.executors.values()) {
            out.killProcess(e.appId(), e.execId());
        }
        state.incarnation += 1;
        state.epochFloor = msg.epoch;
        state.master = null;
        state.masterConnectionLost = false;
        state.executors.clear();
        state.seen.clear();
        state.reports.clear();
        out.setTimer(WorkerCore.SEND_REGISTER_WORKER, "", 0);
    }

    /** Spec WorkerHandleMasterChanged: follow the new leader and answer with the executors that run here. */
    void workerHandleMasterChanged(MasterChanged msg, StepOutput out) {
        if (msg.incarnation != state.incarnation || msg.epoch < state.epochFloor) {
            return;
        }
        out.action("WorkerHandleMasterChanged");
        follow(msg.masterId, msg.epoch, out);
        out.send(msg.masterId, new WorkerSchedulerStateResponse(msg.epoch, config.workerId(), state.incarnation,
                state.executorList()));
    }

    /** Not a spec step: heartbeats to the master followed (the spec abstracts them into MasterHandleHeartbeat). */
    void sendHeartbeat(StepOutput out) {
        if (state.master == null) {
            return; // re-armed when the worker follows a master again
        }
        out.send(state.master, new Heartbeat(config.workerId(), state.incarnation));
        out.setTimer(WorkerCore.SEND_HEARTBEAT, "", config.heartbeatMs());
    }

    /**
     * The master's connection closed: if it does not come back within the grace period the worker gives up on
     * that master (WorkerSendRegisterWorker). The spec's MasterGone is the truth the runtime approximates so.
     */
    void connectionClosed(String node, StepOutput out) {
        if (node.equals(state.master)) {
            state.masterConnectionLost = true;
            out.setTimer(WorkerCore.SEND_REGISTER_WORKER, "", config.masterLossGraceMs());
        }
    }

    void connectionOpened(String node) {
        if (node.equals(state.master)) {
            state.masterConnectionLost = false;
        }
    }

    private void follow(String masterId, long epoch, StepOutput out) {
        state.master = masterId;
        state.epochFloor = epoch;
        state.masterConnectionLost = false;
        out.setTimer(WorkerCore.SEND_HEARTBEAT, "", config.heartbeatMs());
        for (PendingReport r : state.reports.values()) {
            out.setTimer(WorkerCore.SEND_EXECUTOR_STATE_CHANGED, r.key(), 0); // the new master hears them
        }
    }

    private void registerWithEveryMaster(StepOutput out) {
        RegisterWorker request = new RegisterWorker(config.workerId(), state.incarnation, config.host(), config.port(),
                config.cores(), config.memoryMb(), state.executorList());
        for (String master : config.masters()) {
            out.send(master, request);
        }
        out.setTimer(WorkerCore.SEND_REGISTER_WORKER, "", config.registrationRetryMs());
    }
}
