package cluster.worker;

import cluster.core.ExecutorKey;
import cluster.core.ExitCodes;
import cluster.core.StepOutput;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.ExecutorStateChangedAck;
import cluster.messages.KillExecutor;
import cluster.messages.LaunchExecutor;

/**
 * Spec actions about the executor processes of a worker: WorkerHandleLaunchExecutor,
 * WorkerReportExecutorRunning, WorkerHandleKillExecutor, WorkerHandleExecutorStateChangedAck,
 * WorkerSendExecutorStateChanged, ExecutorExit, ExecutorDriverGone.
 */
final class ExecutorProcessHandlers {
    private final WorkerConfig config;
    private final WorkerNodeState state;

    ExecutorProcessHandlers(WorkerConfig config, WorkerNodeState state) {
        this.config = config;
        this.state = state;
    }

    /**
     * Spec WorkerHandleLaunchExecutor. Fenced by epoch; a duplicate (already launched, refused or killed
     * here) is ignored; an executor that does not fit the free cores and memory is refused and reported
     * FAILED; one that fits is started, and reported RUNNING only once it has registered with its driver
     * ({@link #workerReportExecutorRunning}).
     */
    void workerHandleLaunchExecutor(LaunchExecutor msg, StepOutput out) {
        if (!forThisIncarnation(msg.workerId, msg.incarnation) || msg.epoch < state.epochFloor) {
            return;
        }
        out.action("WorkerHandleLaunchExecutor");
        ExecutorKey key = new ExecutorKey(msg.appId, msg.execId);
        if (state.seen.contains(key)) {
            return;
        }
        boolean fits = state.coresUsed() + msg.cores <= config.cores()
                && state.memoryUsedMb() + msg.memoryMb <= config.memoryMb();
        state.epochFloor = Math.max(state.epochFloor, msg.epoch);
        state.seen.add(key);
        if (fits) {
            state.executors.put(key, new RunningExecutor(msg.appId, msg.execId, msg.cores, msg.memoryMb, false));
            out.launchProcess(msg.appId, msg.execId, msg.cores, msg.memoryMb, CommandTemplate.fill(msg.command,
                    msg.appId, msg.execId, msg.cores, config.host(), config.workerUrl()));
        } else {
            addReport(new PendingReport(msg.appId, msg.execId, ExecutorState.FAILED, false, null), out);
        }
    }

    /**
     * Spec WorkerReportExecutorRunning: an executor this incarnation runs registered with its driver, and only
     * now is it reported RUNNING. A process that starts and dies before registering is a failed launch: were
     * it reported RUNNING at start, as Spark does, it would reset its app's retry budget every time, and an
     * executor that can never start would be relaunched forever (SPARK-27510).
     */
    void workerReportExecutorRunning(String appId, int execId, StepOutput out) {
        RunningExecutor running = state.executors.get(new ExecutorKey(appId, execId));
        if (running == null || running.running()) {
            return; // ended (or killed) before the worker heard; or heard already
        }
        out.action("WorkerReportExecutorRunning");
        state.executors.put(running.key(), running.reportedRunning());
        addReport(new PendingReport(appId, execId, ExecutorState.RUNNING, false, null), out);
    }

    /**
     * Spec WorkerHandleKillExecutor: the executor stops if it runs; killed, or never launched here, it is
     * reported KILLED (a kill of one that already ended by itself reports nothing new). Either way a later
     * LaunchExecutor of it is a duplicate.
     */
    void workerHandleKillExecutor(KillExecutor msg, StepOutput out) {
        if (!forThisIncarnation(msg.workerId, msg.incarnation) || msg.epoch < state.epochFloor) {
            return;
        }
        out.action("WorkerHandleKillExecutor");
        ExecutorKey key = new ExecutorKey(msg.appId, msg.execId);
        RunningExecutor running = state.executors.remove(key);
        boolean neverLaunched = !state.seen.contains(key);
        state.epochFloor = Math.max(state.epochFloor, msg.epoch);
        state.seen.add(key);
        if (running != null) {
            out.killProcess(msg.appId, msg.execId);
        }
        if (running != null || neverLaunched) {
            addReport(new PendingReport(msg.appId, msg.execId, ExecutorState.KILLED, false, null), out);
        }
    }

    /** Spec WorkerHandleExecutorStateChangedAck: that report is done. */
    void workerHandleExecutorStateChangedAck(ExecutorStateChangedAck msg, StepOutput out) {
        if (msg.incarnation != state.incarnation) {
            return;
        }
        out.action("WorkerHandleExecutorStateChangedAck");
        state.reports.remove(new PendingReport(msg.appId, msg.execId, msg.state, false, null).key());
    }

    /** Spec WorkerSendExecutorStateChanged: an unacknowledged report goes again to the master followed. */
    void workerSendExecutorStateChanged(String reportKey, StepOutput out) {
        PendingReport report = state.reports.get(reportKey);
        if (report == null || state.master == null) {
            return; // acknowledged; or no master now (following one arms the timer again)
        }
        out.action("WorkerSendExecutorStateChanged");
        out.send(state.master, message(report));
        out.setTimer(WorkerCore.SEND_EXECUTOR_STATE_CHANGED, report.key(), config.reportRetryMs());
    }

    /**
     * An executor process this incarnation runs ended by itself: ExecutorDriverGone when it exited because
     * its driver is gone, else ExecutorExit. The exit of a process the worker killed is not news: it was
     * reported KILLED already.
     */
    void processExited(String appId, int execId, int exitCode, StepOutput out) {
        RunningExecutor running = state.executors.get(new ExecutorKey(appId, execId));
        if (running == null) {
            return;
        }
        if (exitCode == ExitCodes.DRIVER_GONE) {
            executorDriverGone(running, out);
        } else {
            executorExit(running, exitCode, out);
        }
    }

    /** Spec ExecutorExit: the executor ended by itself, normally (exit code 0: EXITED) or not (FAILED). */
    void executorExit(RunningExecutor running, int exitCode, StepOutput out) {
        out.action("ExecutorExit");
        state.executors.remove(running.key());
        ExecutorState ended = exitCode == ExitCodes.NORMAL ? ExecutorState.EXITED : ExecutorState.FAILED;
        addReport(new PendingReport(running.appId(), running.execId(), ended, false, exitCode), out);
    }

    /**
     * Spec ExecutorDriverGone: the executor exited because its driver is gone (no orphan process); the report
     * says so, and the master ends the app rather than launching a replacement for a driver that is gone.
     */
    void executorDriverGone(RunningExecutor running, StepOutput out) {
        out.action("ExecutorDriverGone");
        state.executors.remove(running.key());
        addReport(new PendingReport(running.appId(), running.execId(), ExecutorState.EXITED, true,
                ExitCodes.DRIVER_GONE), out);
    }

    /** Spec {@code Reported(w, r)}: a new report is sent at once when the worker has a master, and kept until acknowledged. */
    private void addReport(PendingReport report, StepOutput out) {
        state.reports.put(report.key(), report);
        if (state.master != null) {
            out.send(state.master, message(report));
            out.setTimer(WorkerCore.SEND_EXECUTOR_STATE_CHANGED, report.key(), config.reportRetryMs());
        }
    }

    private ExecutorStateChanged message(PendingReport r) {
        return new ExecutorStateChanged(config.workerId(), state.incarnation, r.appId(), r.execId(), r.state(), null,
                r.exitStatus(), r.driverGone());
    }

    private boolean forThisIncarnation(String workerId, long incarnation) {
        return config.workerId().equals(workerId) && incarnation == state.incarnation;
    }
}
