package cluster.driver;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.core.StepOutput;
import cluster.messages.ApplicationRemoved;
import cluster.messages.ExecutorAdded;
import cluster.messages.ExecutorUpdated;
import cluster.messages.KillExecutors;
import cluster.messages.MasterChangeAcknowledged;
import cluster.messages.MasterChanged;
import cluster.messages.Message;
import cluster.messages.RegisterApplication;
import cluster.messages.RegisterExecutor;
import cluster.messages.RegisteredApplication;
import cluster.messages.RegisteredExecutor;
import cluster.messages.RequestExecutors;
import cluster.messages.UnregisterApplication;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The driver's protocol core (Spark's StandaloneAppClient plus the scheduler endpoint executors register
 * with): a deterministic state machine with no I/O, no clock and no threads.
 *
 * <p>Spec actions implemented here (DriverNext and the driver's AppChoices), each by the handler of the
 * same name in lowerCamelCase: DriverSendRegisterApplication, DriverHandleRegisteredApplication,
 * DriverHandleMasterChanged, DriverHandleApplicationRemoved, DriverHandleRegisterExecutor,
 * DriverHandleExecutorAdded, DriverHandleExecutorUpdated, DriverStop, DriverRequestExecutors,
 * DriverKillExecutor.
 *
 * <p>Spec variables → fields: see {@link DriverState} and spec/README.md.
 */
public final class DriverCore {
    static final String SEND_REGISTER_APPLICATION = "DriverSendRegisterApplication";

    private final DriverConfig config;
    private final DriverState state = new DriverState();

    public DriverCore(DriverConfig config) {
        this.config = config;
    }

    /** Read-only use only: the state is the core's. */
    public DriverState state() {
        return state;
    }

    public List<Effect> step(Input input, long nowMs) {
        Map<String, Object> before = specView();
        StepOutput out = new StepOutput();
        dispatch(input, out);
        return out.finish(before, specView());
    }

    private void dispatch(Input input, StepOutput out) {
        if (input instanceof Input.Received r) {
            receive(r.from(), r.message(), out);
        } else if (input instanceof Input.TimerFired t) {
            if (!t.name().equals(SEND_REGISTER_APPLICATION)) {
                throw new IllegalArgumentException("no driver timer " + t.name());
            }
            driverSendRegisterApplication(out);
        } else if (input instanceof Input.Started) {
            registerWithEveryMaster(out); // part of the spec's Init: RegisterApplication is in flight from the start
        } else if (input instanceof Input.StopRequested) {
            driverStop(out);
        } else if (input instanceof Input.ExecutorTotalRequested r) {
            driverRequestExecutors(r.total(), out);
        } else if (input instanceof Input.ExecutorKillRequested k) {
            driverKillExecutor(k.execId(), out);
        } else if (input instanceof Input.Disconnected d) {
            if (d.node().equals(state.master)) {
                state.masterConnectionLost = true;
                out.setTimer(SEND_REGISTER_APPLICATION, "", config.masterLossGraceMs());
            }
        } else if (input instanceof Input.Connected c) {
            if (c.node().equals(state.master)) {
                state.masterConnectionLost = false;
            }
        } else {
            throw new IllegalArgumentException("a driver does not take " + input);
        }
    }

    private void receive(String from, Message message, StepOutput out) {
        if (message instanceof RegisteredApplication m) {
            driverHandleRegisteredApplication(m, out);
        } else if (message instanceof MasterChanged m) {
            driverHandleMasterChanged(m, out);
        } else if (message instanceof ApplicationRemoved m) {
            driverHandleApplicationRemoved(m, out);
        } else if (message instanceof RegisterExecutor m) {
            driverHandleRegisterExecutor(from, m, out);
        } else if (message instanceof ExecutorAdded m) {
            driverHandleExecutorAdded(m, out);
        } else if (message instanceof ExecutorUpdated m) {
            driverHandleExecutorUpdated(m, out);
        }
    }

    /**
     * Spec DriverSendRegisterApplication (and DriverSuspectsLiveMaster, when the master it gives up on still
     * leads): still registering, or its master's connection broke: register with every master at once, keeping
     * the fencing floor, so that the same master, if it still leads, takes the app back.
     */
    void driverSendRegisterApplication(StepOutput out) {
        boolean registering = state.phase == DriverState.Phase.REGISTERING;
        boolean masterGone = state.phase == DriverState.Phase.REGISTERED && state.masterConnectionLost;
        if (!registering && !masterGone) {
            return;
        }
        out.action("DriverSendRegisterApplication");
        state.phase = DriverState.Phase.REGISTERING;
        state.master = null;
        state.masterConnectionLost = false;
        registerWithEveryMaster(out);
    }

    /** Spec DriverHandleRegisteredApplication: registered with that master, under the id it gave. */
    void driverHandleRegisteredApplication(RegisteredApplication msg, StepOutput out) {
        if (state.phase == DriverState.Phase.DONE || msg.epoch < state.epochFloor) {
            return;
        }
        out.action("DriverHandleRegisteredApplication");
        follow(msg.masterId, msg.epoch);
        state.appId = msg.appId;
    }

    /** Spec DriverHandleMasterChanged: follow the new leader and acknowledge. */
    void driverHandleMasterChanged(MasterChanged msg, StepOutput out) {
        if (state.phase == DriverState.Phase.DONE || msg.epoch < state.epochFloor || state.appId == null) {
            return; // a MasterChanged goes only to apps some master registered, whose id this driver has
        }
        out.action("DriverHandleMasterChanged");
        follow(msg.masterId, msg.epoch);
        out.send(msg.masterId, new MasterChangeAcknowledged(msg.epoch, state.appId));
    }

    /** Spec DriverHandleApplicationRemoved: the master ended the app (it failed, or is finished): done for good. */
    void driverHandleApplicationRemoved(ApplicationRemoved msg, StepOutput out) {
        if (state.phase == DriverState.Phase.DONE || msg.epoch < state.epochFloor || !ours(msg.appId)) {
            return;
        }
        out.action("DriverHandleApplicationRemoved");
        state.phase = DriverState.Phase.DONE;
    }

    /** Spec DriverHandleRegisterExecutor: an executor process that really started registers and is counted. */
    void driverHandleRegisterExecutor(String from, RegisterExecutor msg, StepOutput out) {
        if (state.phase == DriverState.Phase.DONE || !ours(msg.appId)) {
            return;
        }
        out.action("DriverHandleRegisterExecutor");
        state.executors.add(msg.execId);
        out.send(from, new RegisteredExecutor(msg.appId, msg.execId));
    }

    /**
     * Spec DriverHandleExecutorAdded: the master announces a launch; the driver counts an executor only when
     * it registers itself (the launch may still fail or be refused), so nothing changes.
     */
    void driverHandleExecutorAdded(ExecutorAdded msg, StepOutput out) {
        if (state.phase == DriverState.Phase.DONE || msg.epoch < state.epochFloor || !ours(msg.appId)) {
            return;
        }
        out.action("DriverHandleExecutorAdded");
    }

    /** Spec DriverHandleExecutorUpdated: the executor ended (or was lost); the driver stops counting it. */
    void driverHandleExecutorUpdated(ExecutorUpdated msg, StepOutput out) {
        if (state.phase == DriverState.Phase.DONE || msg.epoch < state.epochFloor || !ours(msg.appId)) {
            return;
        }
        out.action("DriverHandleExecutorUpdated");
        state.executors.remove(msg.execId);
    }

    /** Spec DriverStop: the app ends; the master followed hears UnregisterApplication. */
    void driverStop(StepOutput out) {
        if (state.phase == DriverState.Phase.DONE) {
            return;
        }
        out.action("DriverStop");
        state.phase = DriverState.Phase.DONE;
        if (state.master != null) {
            out.send(state.master, new UnregisterApplication(state.appId));
        }
    }

    /** Spec DriverRequestExecutors: dynamic allocation sets a new executor total. */
    void driverRequestExecutors(int total, StepOutput out) {
        if (!config.dynamicAllocation() || state.phase != DriverState.Phase.REGISTERED || total < 0) {
            return;
        }
        out.action("DriverRequestExecutors");
        out.send(state.master, new RequestExecutors(state.appId, total));
    }

    /** Spec DriverKillExecutor: give back one registered executor (one id per message, as in the spec). */
    void driverKillExecutor(int execId, StepOutput out) {
        if (state.phase != DriverState.Phase.REGISTERED || !state.executors.contains(execId)) {
            return;
        }
        out.action("DriverKillExecutor");
        out.send(state.master, new KillExecutors(state.appId, List.of(execId)));
    }

    /** The driver's spec variables: {@code dState}, {@code dMaster} ("none" for None), {@code dEpoch}, {@code dExecs}. */
    public Map<String, Object> specView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("dState", state.phase.name());
        view.put("dMaster", state.master == null ? "none" : state.master);
        view.put("dEpoch", state.epochFloor);
        view.put("dExecs", new ArrayList<>(state.executors));
        return view;
    }

    private void follow(String masterId, long epoch) {
        state.phase = DriverState.Phase.REGISTERED;
        state.master = masterId;
        state.epochFloor = epoch;
        state.masterConnectionLost = false;
    }

    /** About this driver's app: its id once known; before that, any (the master answers by registration key). */
    private boolean ours(String appId) {
        return state.appId == null || state.appId.equals(appId);
    }

    private void registerWithEveryMaster(StepOutput out) {
        RegisterApplication request = new RegisterApplication(config.registrationKey(), config.driverUrl(),
                config.description());
        for (String master : config.masters()) {
            out.send(master, request);
        }
        out.setTimer(SEND_REGISTER_APPLICATION, "", config.registrationRetryMs());
    }
}
