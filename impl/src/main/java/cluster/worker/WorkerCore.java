package cluster.worker;

import cluster.core.Effect;
import cluster.core.ExecutorKey;
import cluster.core.Input;
import cluster.core.StepOutput;
import cluster.messages.ExecutorStateChangedAck;
import cluster.messages.KillExecutor;
import cluster.messages.LaunchExecutor;
import cluster.messages.MasterChanged;
import cluster.messages.Message;
import cluster.messages.ReconnectWorker;
import cluster.messages.RegisteredWorker;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The worker's protocol core: a deterministic state machine with no I/O, no clock and no threads.
 *
 * <p>Spec actions implemented here (WorkerNext, plus the process exits of ExecutorNext/AppChoices that the
 * worker observes), each by the handler of the same name in lowerCamelCase: WorkerRestart,
 * WorkerSendRegisterWorker, WorkerHandleRegisteredWorker, WorkerHandleReconnectWorker,
 * WorkerHandleMasterChanged, WorkerHandleLaunchExecutor, WorkerReportExecutorRunning, WorkerHandleKillExecutor,
 * WorkerHandleExecutorStateChangedAck, WorkerSendExecutorStateChanged, ExecutorExit, ExecutorDriverGone.
 * WorkerCrash is the process dying. Heartbeats are abstracted in the spec: sending one is no spec step.
 *
 * <p>Spec variables → fields: see {@link WorkerNodeState} and spec/README.md.
 */
public final class WorkerCore {
    static final String SEND_REGISTER_WORKER = "WorkerSendRegisterWorker";
    static final String SEND_EXECUTOR_STATE_CHANGED = "WorkerSendExecutorStateChanged";
    /** Not a spec action: heartbeats are abstracted in the spec. */
    static final String SEND_HEARTBEAT = "SendHeartbeat";

    private final WorkerConfig config;
    private final WorkerNodeState state;
    private final RegistrationHandlers registration;
    private final ExecutorProcessHandlers processes;

    /** @param incarnation this process's incarnation: larger than that of every earlier process of this worker */
    public WorkerCore(WorkerConfig config, long incarnation) {
        this.config = config;
        this.state = new WorkerNodeState(incarnation);
        this.registration = new RegistrationHandlers(config, state);
        this.processes = new ExecutorProcessHandlers(config, state);
    }

    public WorkerConfig config() {
        return config;
    }

    /** Read-only use only: the state is the core's. */
    public WorkerNodeState state() {
        return state;
    }

    public List<Effect> step(Input input, long nowMs) {
        Map<String, Object> before = specView();
        StepOutput out = new StepOutput();
        dispatch(input, out);
        checkInvariants();
        return out.finish(before, specView());
    }

    private void dispatch(Input input, StepOutput out) {
        if (input instanceof Input.Received r) {
            receive(r.message(), out);
        } else if (input instanceof Input.TimerFired t) {
            timer(t.name(), t.key(), out);
        } else if (input instanceof Input.ProcessRegistered p) {
            processes.workerReportExecutorRunning(p.appId(), p.execId(), out);
        } else if (input instanceof Input.ProcessExited p) {
            processes.processExited(p.appId(), p.execId(), p.exitCode(), out);
        } else if (input instanceof Input.Started s) {
            registration.started(s.restart(), out);
        } else if (input instanceof Input.Disconnected d) {
            registration.connectionClosed(d.node(), out);
        } else if (input instanceof Input.Connected c) {
            registration.connectionOpened(c.node());
        } else {
            throw new IllegalArgumentException("a worker does not take " + input);
        }
    }

    private void receive(Message message, StepOutput out) {
        if (message instanceof RegisteredWorker m) {
            registration.workerHandleRegisteredWorker(m, out);
        } else if (message instanceof ReconnectWorker m) {
            registration.workerHandleReconnectWorker(m, out);
        } else if (message instanceof MasterChanged m) {
            registration.workerHandleMasterChanged(m, out);
        } else if (message instanceof LaunchExecutor m) {
            processes.workerHandleLaunchExecutor(m, out);
        } else if (message instanceof KillExecutor m) {
            processes.workerHandleKillExecutor(m, out);
        } else if (message instanceof ExecutorStateChangedAck m) {
            processes.workerHandleExecutorStateChangedAck(m, out);
        }
    }

    private void timer(String name, String key, StepOutput out) {
        switch (name) {
            case SEND_REGISTER_WORKER -> registration.workerSendRegisterWorker(out);
            case SEND_EXECUTOR_STATE_CHANGED -> processes.workerSendExecutorStateChanged(key, out);
            case SEND_HEARTBEAT -> registration.sendHeartbeat(out);
            default -> throw new IllegalArgumentException("no worker timer " + name);
        }
    }

    /**
     * The worker's spec variables by spec name: {@code wInc}, {@code wMaster} ("none" for None),
     * {@code wEpoch}, {@code wExecs} (without {@code registered}, which the executor process holds),
     * {@code wSeen} (as [app, id] pairs), {@code wReports}; collections sorted by app and id.
     */
    public Map<String, Object> specView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("wInc", state.incarnation);
        view.put("wMaster", state.master == null ? "none" : state.master);
        view.put("wEpoch", state.epochFloor);
        List<Object> executors = new ArrayList<>();
        state.executors.values().stream().sorted(Comparator.comparing(RunningExecutor::key))
                .forEach(e -> executors.add(e.specValue()));
        view.put("wExecs", executors);
        List<Object> seen = new ArrayList<>();
        state.seen.stream().sorted().forEach(k -> seen.add(List.of(k.appId(), k.execId())));
        view.put("wSeen", seen);
        List<Object> reports = new ArrayList<>();
        state.reports.values().stream().sorted(Comparator.comparing(PendingReport::key))
                .forEach(r -> reports.add(r.specValue()));
        view.put("wReports", reports);
        return view;
    }

    /** Spec WorkerCapacityRespected and the seen set's meaning, after every step. */
    private void checkInvariants() {
        if (state.coresUsed() > config.cores() || state.memoryUsedMb() > config.memoryMb()) {
            throw new IllegalStateException("worker invariant broken: executors beyond the worker's resources");
        }
        for (ExecutorKey key : state.executors.keySet()) {
            if (!state.seen.contains(key)) {
                throw new IllegalStateException("worker invariant broken: running executor " + key + " not seen");
            }
        }
    }
}
