package cluster.master;

import cluster.core.AppRecord;
import cluster.core.ExecutorKey;
import cluster.core.StepOutput;
import cluster.messages.ApplicationDescription;
import cluster.messages.ApplicationState;
import cluster.messages.KillExecutors;
import cluster.messages.MasterChangeAcknowledged;
import cluster.messages.RegisterApplication;
import cluster.messages.RequestExecutors;
import cluster.messages.UnregisterApplication;

import java.util.ArrayList;
import java.util.List;

/**
 * Spec actions about applications: MasterHandleRegisterApplication, MasterHandleMasterChangeAcknowledged,
 * MasterHandleUnregisterApplication, MasterHandleDriverDisconnected, MasterHandleRequestExecutors,
 * MasterHandleKillExecutors.
 */
final class ApplicationHandlers {
    private final MasterContext ctx;

    ApplicationHandlers(MasterContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Spec MasterHandleRegisterApplication. Apps are matched by the driver's registration key (the spec's
     * app identity). Registered already: answer again with the same id. Recovered and not yet heard from:
     * it is back (WAITING). Finished (a tombstone, here or in the store): ApplicationRemoved, never
     * revived. New: a fresh id, persisted ACTIVE before RegisteredApplication leaves. A standby leaves
     * the request unanswered.
     */
    void masterHandleRegisterApplication(String from, RegisterApplication msg, StepOutput out) {
        if (!ctx.leading() || !acceptable(msg.description)) {
            return;
        }
        LeaderTerm term = ctx.term();
        MasterApp app = term.appByRegistrationKey(msg.registrationKey);
        AppRecord stored = term.storedAppByRegistrationKey(msg.registrationKey);
        boolean tombstone = (app != null && app.state == ApplicationState.FINISHED)
                || (stored != null && stored.state() == AppRecord.State.FINISHED);
        out.action("MasterHandleRegisterApplication");
        if (app != null && app.registered()) {
            out.send(from, ctx.commands.registeredApplication(term, app.appId));
        } else if (app != null && app.state == ApplicationState.UNKNOWN) {
            app.state = ApplicationState.WAITING;
            term.appendToAppOrder(app.appId);
            out.send(from, ctx.commands.registeredApplication(term, app.appId));
            ctx.completeRecoveryIfEveryoneAnswered(out);
        } else if (tombstone) {
            String appId = app != null ? app.appId : stored.appId();
            out.send(from, ctx.commands.applicationRemoved(term, appId, "the application has finished"));
        } else {
            String appId = ctx.appIds.appId(term.epoch, term.appsRegistered++);
            AppRecord record = new AppRecord(appId, msg.registrationKey, from, msg.description,
                    AppRecord.State.ACTIVE, 0, MasterContext.initialTarget(msg.description));
            term.storedApps.put(appId, record);
            term.apps.put(appId, new MasterApp(record, ApplicationState.WAITING));
            term.appendToAppOrder(appId);
            out.persist(term.epoch, record);
            out.send(from, ctx.commands.registeredApplication(term, appId));
            ctx.requestSchedule(out);
        }
    }

    /** Spec MasterHandleMasterChangeAcknowledged: a recovered app's driver follows this master (WAITING). */
    void masterHandleMasterChangeAcknowledged(MasterChangeAcknowledged msg, StepOutput out) {
        if (!ctx.leading() || msg.epoch != ctx.term().epoch) {
            return;
        }
        MasterApp app = ctx.term().apps.get(msg.appId);
        if (app == null || app.state != ApplicationState.UNKNOWN) {
            return;
        }
        out.action("MasterHandleMasterChangeAcknowledged");
        app.state = ApplicationState.WAITING;
        ctx.term().appendToAppOrder(app.appId);
        ctx.completeRecoveryIfEveryoneAnswered(out);
    }

    /** Spec MasterHandleUnregisterApplication: the driver stopped; the app ends (not failed). */
    void masterHandleUnregisterApplication(UnregisterApplication msg, StepOutput out) {
        if (!ctx.leading()) {
            return;
        }
        MasterApp app = ctx.term().apps.get(msg.appId);
        if (app == null || !app.active()) {
            return;
        }
        out.action("MasterHandleUnregisterApplication");
        ctx.removeApplication(app, false, "the application unregistered", out);
        ctx.requestSchedule(out);
    }

    /**
     * Spec MasterHandleDriverDisconnected: the driver's connection closed, so its app ends. A driver runs
     * one application; should one node have registered several, all of them end in this one step.
     */
    void masterHandleDriverDisconnected(String node, StepOutput out) {
        if (!ctx.leading()) {
            return;
        }
        List<MasterApp> ended = new ArrayList<>();
        for (MasterApp app : ctx.term().apps.values()) {
            if (app.driverNode.equals(node) && app.active()) {
                ended.add(app);
            } else if (app.driverNode.equals(node)) {
                app.removedBecause = null; // a removed app's driver is gone: no need to tell it again
            }
        }
        if (ended.isEmpty()) {
            return;
        }
        out.action("MasterHandleDriverDisconnected");
        for (MasterApp app : ended) {
            ctx.removeApplication(app, false, "the driver disconnected", out);
        }
        ctx.requestSchedule(out);
    }

    /**
     * Spec MasterResendApplicationRemoved: a removed app's driver, still connected, hears ApplicationRemoved
     * again (every {@code commandRetryMs}): the first one, or the MasterChangeAcknowledged whose absence made
     * recovery finish the app, may have been lost, and the driver would stay registered for ever. The
     * spec's guard (the driver still follows this term) is what the open connection approximates.
     */
    void masterResendApplicationRemoved(String appId, StepOutput out) {
        MasterApp app = ctx.term().apps.get(appId);
        if (app == null || app.state != ApplicationState.FINISHED || app.removedBecause == null) {
            return;
        }
        LeaderTerm term = ctx.term();
        out.action("MasterResendApplicationRemoved");
        out.send(app.driverNode, ctx.commands.applicationRemoved(term, appId, app.removedBecause));
        out.setTimer(MasterContext.RESEND_APPLICATION_REMOVED, MasterContext.timerKey(term, appId),
                ctx.config.commandRetryMs());
    }

    /** Spec MasterHandleRequestExecutors: a new executor target, persisted so it survives failover. */
    void masterHandleRequestExecutors(RequestExecutors msg, StepOutput out) {
        if (!ctx.leading() || msg.requestedTotal < 0) {
            return;
        }
        LeaderTerm term = ctx.term();
        MasterApp app = term.apps.get(msg.appId);
        if (app == null || !app.active()) {
            return;
        }
        out.action("MasterHandleRequestExecutors");
        app.target = msg.requestedTotal;
        AppRecord record = term.storedApps.get(app.appId).withTarget(msg.requestedTotal);
        term.storedApps.put(app.appId, record);
        out.persist(term.epoch, record);
        ctx.requestSchedule(out);
    }

    /**
     * Spec MasterHandleKillExecutors: the executor is killed and stays booked (KILLING) until its worker
     * reports it gone, so its cores are not handed out twice (Spark frees them at once and can
     * oversubscribe). The spec's message names one executor; the driver core sends one id per message.
     */
    void masterHandleKillExecutors(KillExecutors msg, StepOutput out) {
        if (!ctx.leading()) {
            return;
        }
        LeaderTerm term = ctx.term();
        MasterApp app = term.apps.get(msg.appId);
        if (app == null || !app.active()) {
            return;
        }
        for (Integer execId : msg.execIds) {
            BookedExecutor e = term.executors.get(new ExecutorKey(msg.appId, execId));
            if (e == null || e.state() == BookedExecutor.State.KILLING) {
                continue;
            }
            if (out.action() == null) {
                out.action("MasterHandleKillExecutors");
            }
            term.executors.put(e.key(), e.withState(BookedExecutor.State.KILLING));
            out.send(e.workerId(), ctx.commands.killExecutor(term, e));
            out.setTimer(MasterContext.RESEND_COMMAND, MasterContext.timerKey(term, e.key().toString()),
                    ctx.config.commandRetryMs());
        }
    }

    /** A description the scheduler can serve; anything else is ignored like a message from a stranger. */
    private static boolean acceptable(ApplicationDescription d) {
        return d.memoryPerExecutorMb >= 0
                && (d.coresPerExecutor == null || d.coresPerExecutor >= 1)
                && (d.maxCores == null || d.maxCores >= 1)
                && (d.initialExecutorLimit == null || d.initialExecutorLimit >= 0);
    }
}
