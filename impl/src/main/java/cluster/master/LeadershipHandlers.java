package cluster.master;

import cluster.core.AppRecord;
import cluster.core.Input;
import cluster.core.PersistedRecord;
import cluster.core.StepOutput;
import cluster.core.WorkerRecord;
import cluster.messages.ApplicationState;
import cluster.messages.MasterChanged;

import java.util.ArrayList;
import java.util.List;

/**
 * Spec actions of the master's lifecycle: MasterRestart, MasterElectedLeader, MasterRevokedLeadership,
 * MasterCompleteRecovery.
 */
final class LeadershipHandlers {
    private final MasterContext ctx;

    LeadershipHandlers(MasterContext ctx) {
        this.ctx = ctx;
    }

    /** Spec MasterRestart: a crashed master comes back as a STANDBY that knows nothing. */
    void masterRestart(StepOutput out) {
        if (ctx.state.role() != MasterRole.STANDBY) {
            throw new IllegalStateException("a master restarts only as a fresh STANDBY core");
        }
        out.action("MasterRestart");
        out.traceAllVariables();
    }

    /**
     * Spec MasterElectedLeader: a standby granted leadership with a new epoch reads the persisted
     * records, tells every recovered worker and driver MasterChanged, and recovers (RECOVERING) — or,
     * with nothing persisted, is ALIVE at once.
     */
    void masterElectedLeader(Input.ElectedLeader elected, long nowMs, StepOutput out) {
        if (ctx.state.role() != MasterRole.STANDBY) {
            throw new IllegalStateException("elected while " + ctx.state.role()
                    + ": the coordination service must revoke leadership before granting it again");
        }
        LeaderTerm term = new LeaderTerm(elected.epoch());
        List<MasterApp> recoveredApps = new ArrayList<>();
        for (PersistedRecord record : elected.records()) {
            if (record instanceof AppRecord app) {
                term.storedApps.put(app.appId(), app);
                if (app.state() == AppRecord.State.ACTIVE) {
                    MasterApp recovered = new MasterApp(app, ApplicationState.UNKNOWN);
                    term.apps.put(app.appId(), recovered);
                    recoveredApps.add(recovered);
                }
            } else if (record instanceof WorkerRecord w) {
                term.workers.put(w.workerId(), new MasterWorker(w.workerId(), w.host(), w.port(), w.cores(),
                        w.memoryMb(), MasterWorker.State.UNKNOWN, w.incarnation(), nowMs));
            }
        }
        boolean nothingToRecover = recoveredApps.isEmpty() && term.workers.isEmpty();
        ctx.state.transitionToLeader(term, nothingToRecover ? MasterRole.ALIVE : MasterRole.RECOVERING);
        out.action("MasterElectedLeader");
        String masterId = ctx.config.masterId();
        String masterUrl = ctx.config.masterUrl();
        for (MasterWorker w : term.workers.values()) {
            out.send(w.workerId, new MasterChanged(term.epoch, masterId, masterUrl, w.incarnation));
        }
        for (MasterApp app : recoveredApps) {
            out.send(app.driverNode, new MasterChanged(term.epoch, masterId, masterUrl, 0));
        }
        if (!nothingToRecover) {
            // Spark's recoveryTimeout: completion does not wait for the silent forever.
            out.setTimer(MasterContext.COMPLETE_RECOVERY, MasterContext.timerKey(term, ""),
                    ctx.config.recoveryTimeoutMs());
        }
    }

    /**
     * Spec MasterRevokedLeadership: the master learns it no longer holds leadership (or a write under its
     * lease failed) and steps down to STANDBY, dropping the books of its term.
     */
    void masterRevokedLeadership(StepOutput out) {
        if (!ctx.leading()) {
            return;
        }
        ctx.state.transitionToStandby();
        out.action("MasterRevokedLeadership");
        // Every variable, not only those this step changed: when a write failed, the step that made it changed the
        // books but left no trace event (the runtime drops the rest of that step), and the trace must show the
        // standby's state as it is.
        out.traceAllVariables();
    }

    /**
     * Spec MasterCompleteRecovery: recovered workers that never answered are removed (and unpersisted),
     * recovered apps that never answered are finished (tombstoned, their executors killed, their drivers
     * told ApplicationRemoved); then the master is ALIVE and schedules.
     */
    void masterCompleteRecovery(StepOutput out) {
        if (ctx.state.role() != MasterRole.RECOVERING) {
            return;
        }
        LeaderTerm term = ctx.term();
        ctx.state.transitionTo(MasterRole.COMPLETING_RECOVERY);
        for (MasterWorker w : term.workers.values()) {
            if (w.state == MasterWorker.State.UNKNOWN) {
                w.state = MasterWorker.State.NONE;
                out.unpersist(term.epoch, WorkerRecord.keyOf(w.workerId));
            }
        }
        for (MasterApp app : new ArrayList<>(term.apps.values())) {
            if (app.state == ApplicationState.UNKNOWN) {
                ctx.removeApplication(app, true, "the application did not answer the new master", out);
            }
        }
        ctx.state.transitionTo(MasterRole.ALIVE);
        out.action("MasterCompleteRecovery");
        ctx.requestSchedule(out);
    }
}
