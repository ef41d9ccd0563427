package cluster.master;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.core.StepOutput;
import cluster.messages.ApplicationState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.Heartbeat;
import cluster.messages.KillExecutors;
import cluster.messages.MasterChangeAcknowledged;
import cluster.messages.Message;
import cluster.messages.RegisterApplication;
import cluster.messages.RegisterWorker;
import cluster.messages.RequestExecutors;
import cluster.messages.UnregisterApplication;
import cluster.messages.WorkerLatestState;
import cluster.messages.WorkerSchedulerStateResponse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The master's protocol core: a deterministic state machine with no I/O, no clock and no threads.
 *
 * <p>Spec actions implemented here (spec/tla/SparkStandalone.tla, MasterNext), each by the handler of
 * the same name in lowerCamelCase, which names the action in its trace event:
 * MasterRestart, MasterElectedLeader, MasterRevokedLeadership, MasterCompleteRecovery, MasterSchedule,
 * MasterHandleRegisterWorker, MasterHandleWorkerLatestState, MasterHandleWorkerSchedulerStateResponse,
 * MasterHandleMasterChangeAcknowledged, MasterHandleRegisterApplication, MasterHandleUnregisterApplication,
 * MasterHandleRequestExecutors, MasterHandleKillExecutors, MasterHandleExecutorStateChanged,
 * MasterWorkerTimeout (the spec's disjunction of ...OfDeadWorker and ...OfLiveWorker), MasterHandleHeartbeat,
 * MasterHandleDriverDisconnected, MasterResendExecutorCommand, MasterResendApplicationRemoved.
 * ZkSessionExpired* belong to the coordination service; MasterCrash is the process dying.
 *
 * <p>Spec variables → fields: {@code mState} → {@link MasterState#role()}, {@code mEpoch} →
 * {@link MasterState#epoch()}, {@code mApps} → {@link LeaderTerm#apps()}, {@code mAppOrder} →
 * {@link LeaderTerm#appOrder()}, {@code mWorkers} → {@link LeaderTerm#workers()}, {@code mWorkerOrder} →
 * {@link LeaderTerm#workerOrder()}, {@code mExecs} → {@link LeaderTerm#executors()} (see spec/README.md).
 *
 * <p>Follow-up steps the spec models as actions of their own (MasterSchedule after a change,
 * MasterCompleteRecovery once everyone answered) are requested with a zero-delay timer of that name,
 * so each input is at most one spec step with one trace event.
 */
public final class MasterCore {
    private final MasterContext ctx;
    private final LeadershipHandlers leadership;
    private final WorkerHandlers workers;
    private final ApplicationHandlers applications;
    private final ExecutorHandlers executors;

    public MasterCore(MasterConfig config, AppIds appIds) {
        this.ctx = new MasterContext(config, appIds);
        this.leadership = new LeadershipHandlers(ctx);
        this.workers = new WorkerHandlers(ctx);
        this.applications = new ApplicationHandlers(ctx);
        this.executors = new ExecutorHandlers(ctx);
    }

    public MasterCore(MasterConfig config) {
        this(config, AppIds.byEpoch());
    }

    public MasterConfig config() {
        return ctx.config;
    }

    /** Read-only use only: the state is the core's. */
    public MasterState state() {
        return ctx.state;
    }

    /** Handles one input at time {@code nowMs}; returns the effects in runtime order (see {@link Effect}). */
    public List<Effect> step(Input input, long nowMs) {
        Map<String, Object> before = specView();
        StepOutput out = new StepOutput();
        dispatch(input, nowMs, out);
        checkInvariants();
        return out.finish(before, specView());
    }

    private void dispatch(Input input, long nowMs, StepOutput out) {
        if (input instanceof Input.Received r) {
            receive(r.from(), r.message(), nowMs, out);
        } else if (input instanceof Input.TimerFired t) {
            timer(t.name(), t.key(), nowMs, out);
        } else if (input instanceof Input.ElectedLeader e) {
            leadership.masterElectedLeader(e, nowMs, out);
        } else if (input instanceof Input.RevokedLeadership || input instanceof Input.PersistFailed) {
            leadership.masterRevokedLeadership(out);
        } else if (input instanceof Input.Disconnected d) {
            applications.masterHandleDriverDisconnected(d.node(), out);
        } else if (input instanceof Input.Started s) {
            if (s.restart()) {
                leadership.masterRestart(out);
            }
        } else if (!(input instanceof Input.PersistCompleted || input instanceof Input.Connected)) {
            throw new IllegalArgumentException("a master does not take " + input);
        }
    }

    private void receive(String from, Message message, long nowMs, StepOutput out) {
        if (message instanceof RegisterWorker m) {
            workers.masterHandleRegisterWorker(m, nowMs, out);
        } else if (message instanceof WorkerLatestState m) {
            workers.masterHandleWorkerLatestState(m, nowMs, out);
        } else if (message instanceof WorkerSchedulerStateResponse m) {
            workers.masterHandleWorkerSchedulerStateResponse(m, nowMs, out);
        } else if (message instanceof Heartbeat m) {
            workers.masterHandleHeartbeat(m, nowMs, out);
        } else if (message instanceof RegisterApplication m) {
            applications.masterHandleRegisterApplication(from, m, out);
        } else if (message instanceof MasterChangeAcknowledged m) {
            applications.masterHandleMasterChangeAcknowledged(m, out);
        } else if (message instanceof UnregisterApplication m) {
            applications.masterHandleUnregisterApplication(m, out);
        } else if (message instanceof RequestExecutors m) {
            applications.masterHandleRequestExecutors(m, out);
        } else if (message instanceof KillExecutors m) {
            applications.masterHandleKillExecutors(m, out);
        } else if (message instanceof ExecutorStateChanged m) {
            executors.masterHandleExecutorStateChanged(m, out);
        }
        // anything else is not for a master: the network may deliver anything, so it is ignored
    }

    private void timer(String name, String key, long nowMs, StepOutput out) {
        String subject = ctx.subjectOfTimerKey(key);
        if (subject == null) {
            return; // set in an earlier term, or while leading a term this master no longer leads
        }
        switch (name) {
            case MasterContext.SCHEDULE -> executors.masterSchedule(out);
            case MasterContext.COMPLETE_RECOVERY -> leadership.masterCompleteRecovery(out);
            case MasterContext.WORKER_TIMEOUT -> workers.masterWorkerTimeout(subject, nowMs, out);
            case MasterContext.RESEND_COMMAND -> executors.masterResendExecutorCommand(subject, out);
            case MasterContext.RESEND_APPLICATION_REMOVED -> applications.masterResendApplicationRemoved(subject, out);
            default -> throw new IllegalArgumentException("no master timer " + name);
        }
    }

    /**
     * The master's spec variables, by spec name, as immutable values: {@code mState}, {@code mEpoch},
     * {@code mApps} (app id → [state, nextExecId, target, retries]), {@code mAppOrder}, {@code mWorkers}
     * (worker id → [state, inc]), {@code mWorkerOrder}, {@code mExecs} (sorted by app and id).
     * Apps and workers the master never heard of are left out (the spec's NoApp / NoWorker).
     */
    public Map<String, Object> specView() {
        LeaderTerm term = ctx.term();
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("mState", ctx.state.role().name());
        view.put("mEpoch", ctx.state.epoch());
        Map<String, Object> apps = new TreeMap<>();
        Map<String, Object> workerEntries = new TreeMap<>();
        List<Object> books = new ArrayList<>();
        if (term != null) {
            term.apps.forEach((id, app) -> apps.put(id, app.specValue()));
            term.workers.forEach((id, w) -> workerEntries.put(id, w.specValue()));
            term.executors.values().stream().sorted(java.util.Comparator.comparing(BookedExecutor::key))
                    .forEach(e -> books.add(e.specValue()));
        }
        view.put("mApps", apps);
        view.put("mAppOrder", term == null ? List.of() : List.copyOf(term.appOrder));
        view.put("mWorkers", workerEntries);
        view.put("mWorkerOrder", term == null ? List.of() : List.copyOf(term.workerOrder));
        view.put("mExecs", books);
        return view;
    }

    /** The spec's TypeOK for one master, checked after every step (a violation is a bug in this core). */
    private void checkInvariants() {
        LeaderTerm term = ctx.term();
        if (term == null) {
            return;
        }
        Set<String> seen = new HashSet<>();
        for (String id : term.workerOrder) {
            MasterWorker w = term.workers.get(id);
            check(w != null && w.state == MasterWorker.State.ALIVE && seen.add(id), "mWorkerOrder holds " + id);
        }
        seen.clear();
        for (String id : term.appOrder) {
            MasterApp app = term.apps.get(id);
            check(app != null && app.registered() && seen.add(id), "mAppOrder holds " + id);
        }
        for (MasterApp app : term.apps.values()) {
            check(app.registered() == term.appOrder.contains(app.appId), "app " + app.appId + " registered but not ordered");
            check(app.state != ApplicationState.FAILED && app.state != ApplicationState.KILLED, "app state " + app.state);
        }
        for (BookedExecutor e : term.executors.values()) {
            MasterWorker w = term.workers.get(e.workerId());
            MasterApp app = term.apps.get(e.appId());
            check(w != null && w.state != MasterWorker.State.NONE, "executor " + e.key() + " on a removed worker");
            check(app != null && e.execId() < app.nextExecId, "executor " + e.key() + " id not handed out");
        }
    }

    private static void check(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("master invariant broken: " + what);
        }
    }
}
