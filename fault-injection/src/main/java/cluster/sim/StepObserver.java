package cluster.sim;

import cluster.core.ExecutorKey;
import cluster.core.Input;
import cluster.messages.LaunchExecutor;
import cluster.messages.Message;
import cluster.worker.RunningExecutor;

/**
 * Looks at a node just before and just after its step, for what can only be seen there: a command acted on
 * although older than the receiver's fencing floor (FencingRespected), a launch refused or an executor ended
 * abnormally (the history's abnormal exits), a master's leadership term starting or ending (the report).
 */
final class StepObserver {
    /** What the checks need of the state before the step. */
    record Before(long floor, boolean seen, boolean leading) {
    }

    private static final Before NOTHING = new Before(-1, false, false);
    private final Simulation sim;

    StepObserver(Simulation sim) {
        this.sim = sim;
    }

    Before before(SimNode node, Input input) {
        if (node instanceof WorkerNode w) {
            boolean seen = input instanceof Input.Received r && r.message() instanceof LaunchExecutor l
                    && w.core.state().seen().contains(new ExecutorKey(l.appId, l.execId));
            return new Before(w.core.state().epochFloor(), seen, false);
        }
        if (node instanceof DriverNode d) {
            return new Before(d.core.state().epochFloor(), false, false);
        }
        if (node instanceof MasterNode m) {
            return new Before(-1, false, m.core.state().role().leading());
        }
        return NOTHING;
    }

    void after(SimNode node, Input input, InFlight received, String action, Before before) {
        if (received != null && action != null && (node.role == SimNode.Role.WORKER || node.role == SimNode.Role.DRIVER)) {
            checkFencing(node, received.message(), action, before.floor());
        }
        if (action != null && FOLLOW_ACTIONS.contains(action)) {
            closeIfNotLeading(node);
        }
        if (node instanceof WorkerNode w) {
            afterWorker(w, input, action, before);
        } else if (node instanceof MasterNode m) {
            afterMaster(m, input, before);
        } else if (node instanceof DriverNode d && action != null) {
            if (d.core.state().phase() == cluster.driver.DriverState.Phase.DONE && !d.ended) {
                sim.at(sim.nowMs + 100, () -> sim.processes.endDriver(d, false)); // the app is over: its JVM exits
            }
        }
        SafetyChecks.afterStep(sim, node);
    }

    /** The steps by which a worker or driver starts following a master. */
    private static final java.util.Set<String> FOLLOW_ACTIONS = java.util.Set.of("WorkerHandleRegisteredWorker",
            "WorkerHandleMasterChanged", "DriverHandleRegisteredApplication", "DriverHandleMasterChanged");

    /**
     * A late RegisteredWorker/MasterChanged can make a worker or driver follow a master that no longer leads. That
     * master's process has exited (Spark's master exits on RevokedLeadership; the spec's MasterGone counts a
     * STANDBY master as gone), so the connection the follower opens closes at once.
     */
    private void closeIfNotLeading(SimNode node) {
        String master = node instanceof WorkerNode w ? w.core.state().master()
                : ((DriverNode) node).core.state().master();
        SimNode followed = master == null ? null : sim.nodes.get(master);
        if (followed instanceof MasterNode m && (!m.alive || !m.core.state().role().leading())) {
            sim.input(node, sim.nowMs + 1, new Input.Disconnected(m.id));
        }
    }

    /** Spec FencingRespected: no worker or driver acts on a command older than an epoch it has seen. */
    private void checkFencing(SimNode node, Message sentMessage, String action, long floor) {
        long epoch = Epochs.fenced(sentMessage);
        if (epoch >= 0 && epoch < floor && action.equals(Epochs.handler(node.role, sentMessage))) {
            sim.violated(Violation.Kind.SAFETY, "FencingRespected", node.id + " acted on " + sentMessage.type()
                    + " of epoch " + epoch + " after it had seen epoch " + floor + " (" + action + ")");
        }
    }

    private void afterWorker(WorkerNode w, Input input, String action, Before before) {
        if ("WorkerHandleLaunchExecutor".equals(action) && !before.seen()
                && input instanceof Input.Received r && r.message() instanceof LaunchExecutor l
                && !running(w, l.appId, l.execId)) {
            sim.history.abnormalExit(l.appId); // refused: it did not fit (the spec counts it as an abnormal end)
        }
        if ("ExecutorExit".equals(action) && input instanceof Input.ProcessExited p
                && p.exitCode() != cluster.core.ExitCodes.NORMAL) {
            sim.history.abnormalExit(p.appId());
        }
    }

    private static boolean running(WorkerNode w, String appId, int execId) {
        for (RunningExecutor e : w.core.state().executors()) {
            if (e.execId() == execId && e.appId().equals(appId)) {
                return true;
            }
        }
        return false;
    }

    private void afterMaster(MasterNode m, Input input, Before before) {
        if (input instanceof Input.Received r) {
            sim.mutation.afterMasterReceived(m.core, r.message());
        }
        boolean leading = m.core.state().role().leading();
        if (before.leading() && !leading) {
            // Spark's master exits when its leadership is revoked (a supervisor restarts it as a standby), so the
            // workers and drivers that followed it see their connection close: the spec's MasterGone counts a
            // STANDBY master as gone, and the cores learn it only from the closed connection.
            sim.processes.closeConnections(m);
        }
        if (sim.timeline != null && leading != before.leading()) {
            if (leading) {
                sim.timeline.termStart(m.id, m.core.state().epoch(), sim.nowMs);
            } else {
                sim.timeline.termEnd(m.id, sim.nowMs);
            }
        }
    }
}
