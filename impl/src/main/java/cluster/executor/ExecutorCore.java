package cluster.executor;

import cluster.core.Effect;
import cluster.core.ExitCodes;
import cluster.core.Input;
import cluster.core.StepOutput;
import cluster.messages.Message;
import cluster.messages.RegisterExecutor;
import cluster.messages.RegisterExecutorFailed;
import cluster.messages.RegisteredExecutor;
import cluster.messages.StopExecutor;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The executor backend's protocol core (Spark's CoarseGrainedExecutorBackend, registration part): a
 * deterministic state machine with no I/O, no clock and no threads.
 *
 * <p>Spec actions implemented here (ExecutorNext), by the handler of the same name in lowerCamelCase:
 * ExecutorRegisterWithDriver, ExecutorHandleRegisteredExecutor (which tells the worker, {@link Effect.ReportRegistered},
 * so that it takes WorkerReportExecutorRunning). ExecutorDriverGone and ExecutorExit are
 * the worker's steps: this core only decides to exit ({@link Effect.ExitProcess} with
 * {@link ExitCodes#DRIVER_GONE} when the driver is gone), and the worker, seeing the exit, takes the step.
 *
 * <p>Spec variables → fields: the {@code registered} flag of this process's record in {@code wExecs[w]}
 * is {@link #registered()}.
 */
public final class ExecutorCore {
    static final String REGISTER_WITH_DRIVER = "ExecutorRegisterWithDriver";

    private final ExecutorConfig config;
    private boolean registered;
    private int attempts;
    /** The process is on its way out: nothing more happens (not a spec variable). */
    private boolean exiting;

    public ExecutorCore(ExecutorConfig config) {
        this.config = config;
    }

    public boolean registered() {
        return registered;
    }

    public boolean exiting() {
        return exiting;
    }

    public List<Effect> step(Input input, long nowMs) {
        Map<String, Object> before = specView();
        StepOutput out = new StepOutput();
        if (!exiting) {
            dispatch(input, out);
        }
        return out.finish(before, specView());
    }

    private void dispatch(Input input, StepOutput out) {
        if (input instanceof Input.Started) {
            executorRegisterWithDriver(out);
        } else if (input instanceof Input.TimerFired t) {
            if (!t.name().equals(REGISTER_WITH_DRIVER)) {
                throw new IllegalArgumentException("no executor timer " + t.name());
            }
            registrationTimerFired(out);
        } else if (input instanceof Input.Received r) {
            receive(r.message(), out);
        } else if (input instanceof Input.Disconnected d) {
            if (d.node().equals(config.driverNode())) {
                exit(ExitCodes.DRIVER_GONE, out); // Spark's executor exits when its driver disassociates
            }
        } else if (!(input instanceof Input.Connected)) {
            throw new IllegalArgumentException("an executor does not take " + input);
        }
    }

    private void receive(Message message, StepOutput out) {
        if (message instanceof RegisteredExecutor m && ours(m.appId, m.execId)) {
            executorHandleRegisteredExecutor(out);
        } else if (message instanceof RegisterExecutorFailed m && ours(m.appId, m.execId)) {
            exit(ExitCodes.REGISTRATION_REFUSED, out);
        } else if (message instanceof StopExecutor m && ours(m.appId, m.execId)) {
            exit(ExitCodes.DRIVER_GONE, out); // the driver is done with this executor: it is gone for us
        }
    }

    /** Spec ExecutorRegisterWithDriver: the process connects to its driver and registers (again, until answered). */
    void executorRegisterWithDriver(StepOutput out) {
        out.action("ExecutorRegisterWithDriver");
        attempts++;
        out.send(config.driverNode(), new RegisterExecutor(config.appId(), config.execId(), config.hostname(),
                config.cores(), config.executorUrl()));
        out.setTimer(REGISTER_WITH_DRIVER, "", config.registrationRetryMs());
    }

    /** Spec ExecutorHandleRegisteredExecutor: the driver counts this executor; the worker hears of it (once). */
    void executorHandleRegisteredExecutor(StepOutput out) {
        out.action("ExecutorHandleRegisteredExecutor");
        if (!registered) {
            out.reportRegistered(config.appId(), config.execId());
        }
        registered = true;
    }

    private void registrationTimerFired(StepOutput out) {
        if (registered) {
            return;
        }
        if (attempts >= config.maxRegistrationAttempts()) {
            exit(ExitCodes.DRIVER_GONE, out); // no answer at all: the driver is gone; no orphan process stays
        } else {
            executorRegisterWithDriver(out);
        }
    }

    /** Not a spec step of its own: the worker takes ExecutorDriverGone / ExecutorExit when it sees the exit. */
    private void exit(int exitCode, StepOutput out) {
        exiting = true;
        out.exitProcess(exitCode);
    }

    private boolean ours(String appId, int execId) {
        return config.appId().equals(appId) && config.execId() == execId;
    }

    /** This process's part of spec {@code wExecs[w]}: its record's identity and {@code registered} flag. */
    public Map<String, Object> specView() {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("app", config.appId());
        record.put("id", config.execId());
        record.put("registered", registered);
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("wExecs", record);
        return view;
    }
}
