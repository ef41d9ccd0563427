package cluster.master;

import cluster.core.AppRecord;
import cluster.core.StepOutput;
import cluster.messages.ApplicationDescription;
import cluster.messages.ApplicationState;
import cluster.scheduler.AppDemand;

/**
 * What every master handler shares: the settings, the state, the message builders, and the few
 * operations several spec actions use (the spec's RemoveApplication/AppRemoval, and asking for the
 * follow-up steps MasterSchedule and MasterCompleteRecovery, which run as steps of their own).
 */
final class MasterContext {
    /** Timer names: each is the spec action the timer triggers. */
    static final String SCHEDULE = "MasterSchedule";
    static final String COMPLETE_RECOVERY = "MasterCompleteRecovery";
    static final String WORKER_TIMEOUT = "MasterWorkerTimeout";
    static final String RESEND_COMMAND = "MasterResendExecutorCommand";
    static final String RESEND_APPLICATION_REMOVED = "MasterResendApplicationRemoved";

    final MasterConfig config;
    final MasterState state;
    final MasterCommands commands;
    final AppIds appIds;

    MasterContext(MasterConfig config, AppIds appIds) {
        this.config = config;
        this.state = new MasterState();
        this.commands = new MasterCommands(config);
        this.appIds = appIds;
    }

    LeaderTerm term() {
        return state.term();
    }

    boolean leading() {
        return state.role().leading();
    }

    /** Timer keys start with the term's epoch, so a timer of an earlier term never acts in a later one. */
    static String timerKey(LeaderTerm term, String subject) {
        return term.epoch + ":" + subject;
    }

    /** The subject of a timer key of the current term, or null if the key belongs to another term. */
    String subjectOfTimerKey(String key) {
        LeaderTerm term = term();
        if (term == null) {
            return null;
        }
        String prefix = term.epoch + ":";
        return key.startsWith(prefix) ? key.substring(prefix.length()) : null;
    }

    /** Spark calls schedule() after every change that may free or add capacity; here it is its own step. */
    void requestSchedule(StepOutput out) {
        if (state.role() == MasterRole.ALIVE) {
            out.setTimer(SCHEDULE, timerKey(term(), ""), 0);
        }
    }

    /**
     * The next pass only after {@code delayMs}: after a launch failed before the executor ever ran (a worker
     * refused it), an immediate pass would place the same executor on the same worker at once, again and again.
     */
    void requestScheduleAfter(long delayMs, StepOutput out) {
        if (state.role() == MasterRole.ALIVE) {
            out.setTimer(SCHEDULE, timerKey(term(), ""), delayMs);
        }
    }

    /** Once every recovered worker and app has answered, recovery completes without waiting for the timeout. */
    void completeRecoveryIfEveryoneAnswered(StepOutput out) {
        if (state.role() == MasterRole.RECOVERING && term().everyoneAnswered()) {
            out.setTimer(COMPLETE_RECOVERY, timerKey(term(), ""), 0);
        }
    }

    /** Spec {@code Cap(a)}: spark.cores.max, else spark.deploy.defaultCores. */
    int cap(ApplicationDescription description) {
        return description.maxCores == null ? config.defaultCores() : description.maxCores;
    }

    /** Spec {@code InitialTarget(a)}: a dynamic-allocation app starts from its initial limit, others are unlimited. */
    static int initialTarget(ApplicationDescription description) {
        return description.initialExecutorLimit == null ? AppDemand.UNLIMITED : description.initialExecutorLimit;
    }

    /**
     * Spec {@code RemoveApplication} with {@code AppRemoval}: the app's executors are killed and stay
     * booked (KILLING) until their workers report them gone; the record becomes a tombstone (persisted
     * before any of the messages leave); a failed app's driver hears ApplicationRemoved.
     */
    void removeApplication(MasterApp app, boolean failed, String why, StepOutput out) {
        LeaderTerm term = term();
        for (BookedExecutor e : term.bookedFor(app.appId)) {
            if (e.state() != BookedExecutor.State.KILLING) {
                out.send(e.workerId(), commands.killExecutor(term, e));
                term.executors.put(e.key(), e.withState(BookedExecutor.State.KILLING));
                out.setTimer(RESEND_COMMAND, timerKey(term, e.key().toString()), config.commandRetryMs());
            }
        }
        if (failed) {
            out.send(app.driverNode, commands.applicationRemoved(term, app.appId, why));
            app.removedBecause = why; // told again until its driver disconnects: this one may be lost
            out.setTimer(RESEND_APPLICATION_REMOVED, timerKey(term, app.appId), config.commandRetryMs());
        }
        app.state = ApplicationState.FINISHED;
        term.appOrder.remove(app.appId);
        AppRecord tombstone = term.storedApps.get(app.appId).withState(AppRecord.State.FINISHED);
        term.storedApps.put(app.appId, tombstone);
        out.persist(term.epoch, tombstone);
    }
}
