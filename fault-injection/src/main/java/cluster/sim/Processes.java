package cluster.sim;

import cluster.coordination.CoordinationService;
import cluster.core.Effect;
import cluster.core.Input;
import cluster.executor.ExecutorConfig;
import cluster.executor.ExecutorCore;
import cluster.master.MasterCore;
import cluster.worker.WorkerCore;

import java.util.ArrayList;
import java.util.List;

/**
 * Process lifecycles: start, death (and who sees the connection close), pause and resume, and the executor
 * processes workers launch. A dead process loses its core (volatile state); what it persisted stays in the
 * coordination service, and a worker machine remembers its last incarnation so a restart starts above it.
 */
final class Processes {
    /** Executors retry registering with their driver this often, and give up (driver gone) after this many tries. */
    static final long EXECUTOR_REGISTRATION_RETRY_MS = 1_000;
    static final int EXECUTOR_REGISTRATION_ATTEMPTS = 30;
    static final int KILLED_EXIT_CODE = 143;
    /** The worker hears that an executor registered this long after it did (the real one looks every 20 ms). */
    static final long REGISTRATION_NOTICE_MS = 10;

    private final Simulation sim;

    Processes(Simulation sim) {
        this.sim = sim;
    }

    void startMaster(MasterNode m, boolean restart) {
        m.startLife();
        m.core = new MasterCore(m.config);
        m.participant = m.id + "#" + m.life;
        sim.input(m, sim.nowMs, new Input.Started(restart));
        m.client = sim.coordination.join(m.participant, this::leadershipNews);
        if (sim.timeline != null) {
            sim.timeline.process(m.id, sim.nowMs, restart ? "restart" : "start");
        }
    }

    /** The coordination service's news for a participant reaches that life of the master, if it still lives. */
    private void leadershipNews(String participant, Input news) {
        for (MasterNode m : sim.masters) {
            if (participant.equals(m.participant) && m.alive) {
                Input input = news instanceof Input.ElectedLeader e
                        ? new Input.ElectedLeader(e.epoch(), sim.mutation.electedRecords(e.records())) : news;
                sim.input(m, sim.nowMs, input);
            }
        }
    }

    /** The master process dies; its session ends only when it times out, as a ZooKeeper session does. */
    void killMaster(MasterNode m) {
        m.die();
        CoordinationService client = m.client;
        sim.at(sim.nowMs + Simulation.SESSION_TIMEOUT_MS, client::close);
        closeConnections(m);
        if (sim.timeline != null) {
            sim.timeline.process(m.id, sim.nowMs, "killed");
        }
    }

    /** Every worker and driver sees its connection to the master close. */
    void closeConnections(MasterNode m) {
        for (WorkerNode w : sim.workers) {
            disconnect(w, m.id);
        }
        for (DriverNode d : sim.drivers) {
            disconnect(d, m.id);
        }
    }

    void startWorker(WorkerNode w, boolean restart) {
        w.startLife();
        long incarnation = w.lastIncarnation + 1;
        w.lastIncarnation = incarnation;
        w.core = new WorkerCore(sim.mutation.workerConfig(w.real), incarnation);
        sim.input(w, sim.nowMs, new Input.Started(restart));
        if (sim.timeline != null) {
            sim.timeline.process(w.id, sim.nowMs, restart ? "restart" : "start");
        }
    }

    /** The worker process dies, and its executors with it (as the spec's WorkerCrash). */
    void killWorker(WorkerNode w) {
        w.lastIncarnation = Math.max(w.lastIncarnation, w.core.state().incarnation());
        w.die();
        for (ExecutorNode e : new ArrayList<>(sim.executors.values())) {
            if (e.workerId.equals(w.id)) {
                end(e, KILLED_EXIT_CODE, false);
            }
        }
        if (sim.timeline != null) {
            sim.timeline.process(w.id, sim.nowMs, "killed");
        }
    }

    void startDriver(DriverNode d) {
        d.startLife();
        sim.input(d, sim.nowMs, new Input.Started(false));
        if (sim.timeline != null) {
            sim.timeline.process(d.id, sim.nowMs, "start");
        }
    }

    /** The driver process ends (its app is over, or it crashed): masters and its executors see it go. */
    void endDriver(DriverNode d, boolean crashed) {
        if (d.ended) {
            return;
        }
        d.ended = true;
        d.die();
        for (MasterNode m : sim.masters) {
            disconnect(m, d.id);
        }
        for (ExecutorNode e : sim.executors.values()) {
            if (e.driverNode.equals(d.id)) {
                disconnect(e, d.id);
            }
        }
        if (sim.timeline != null) {
            sim.timeline.process(d.id, sim.nowMs, crashed ? "crashed" : "exited");
        }
    }

    private void disconnect(SimNode peer, String gone) {
        if (peer.alive) {
            sim.input(peer, sim.nowMs + 1, new Input.Disconnected(gone));
        }
    }

    void pause(SimNode node) {
        node.paused = true;
        if (sim.timeline != null) {
            sim.timeline.process(node.id, sim.nowMs, "paused");
        }
    }

    /**
     * The process runs again and gets, in their order, the events that came while it was stopped, and only then
     * what is queued for it now (a leadership grant held during the pause must not come after the revocation and
     * the new grant that the healing queued: the master would hear two grants in a row).
     */
    void resume(SimNode node) {
        if (!node.alive || !node.paused) {
            return;
        }
        node.paused = false;
        for (SimEvent e : node.held) {
            sim.queue.add(e.at(sim.nowMs, sim.nextEarlySeq()));
        }
        node.held.clear();
        if (sim.timeline != null) {
            sim.timeline.process(node.id, sim.nowMs, "resumed");
        }
    }

    /**
     * A worker starts an executor process (its command is the simulator's template:
     * {@code executor APP_ID EXECUTOR_ID HOSTNAME CORES --driver DRIVER}).
     */
    void launch(WorkerNode w, Effect.LaunchProcess l) {
        List<String> command = l.command();
        String driverNode = command.get(6);
        int count = sim.history.launched(l.appId(), l.execId(), driverNode);
        if (count > 1) {
            sim.violated(Violation.Kind.SAFETY, "ExecutorLaunchedOnce",
                    "executor " + l.appId() + "/" + l.execId() + " started " + count + " times (now on " + w.id + ")");
        }
        String id = "exec-" + l.appId() + "-" + l.execId();
        if (sim.nodes.containsKey(id)) {
            id = id + "." + sim.history.launches;
        }
        ExecutorConfig config = new ExecutorConfig(l.appId(), l.execId(), w.id, command.get(3), l.cores(), driverNode,
                "sim://" + id, EXECUTOR_REGISTRATION_RETRY_MS, EXECUTOR_REGISTRATION_ATTEMPTS);
        ExecutorNode e = new ExecutorNode(id, new ExecutorCore(config), w.id, w.life, l.appId(), l.execId(),
                driverNode, l.cores(), l.memoryMb());
        e.startLife();
        sim.nodes.put(id, e);
        sim.executors.put(id, e);
        sim.input(e, sim.nowMs, new Input.Started(false));
        DriverNode driver = driver(driverNode);
        if (driver == null || driver.ended) {
            sim.input(e, sim.nowMs + 1, new Input.Disconnected(driverNode)); // nothing to connect to
        }
        if (sim.timeline != null) {
            sim.timeline.launch(w.id, id, l.appId() + "/" + l.execId(), sim.nowMs);
        }
    }

    /** A worker kills one of its executors. */
    void kill(WorkerNode w, Effect.KillProcess k) {
        for (ExecutorNode e : sim.executors.values()) {
            if (e.workerId.equals(w.id) && e.appId.equals(k.appId()) && e.execId == k.execId()) {
                end(e, KILLED_EXIT_CODE, true);
                return;
            }
        }
    }

    /**
     * The executor registered with its driver and tells its worker (if the same one still runs), which hears it
     * a little later (an event for a life that has ended is not delivered).
     */
    void registered(ExecutorNode e) {
        SimNode worker = sim.nodes.get(e.workerId);
        if (worker != null && worker.alive && worker.life == e.workerLife) {
            if (sim.tracer != null) {
                sim.tracer.heardFrom(worker, e); // its RUNNING report comes after the registration
            }
            sim.input(worker, sim.nowMs + REGISTRATION_NOTICE_MS, new Input.ProcessRegistered(e.appId, e.execId));
        }
    }

    /** The executor process ends with {@code exitCode}; its worker process (if the same one still runs) sees it. */
    void end(ExecutorNode e, int exitCode, boolean tellWorker) {
        if (!e.alive) {
            return;
        }
        e.die();
        sim.executors.remove(e.id);
        sim.nodes.remove(e.id);
        SimNode worker = sim.nodes.get(e.workerId);
        if (tellWorker && worker != null && worker.alive && worker.life == e.workerLife) {
            sim.input(worker, sim.nowMs, new Input.ProcessExited(e.appId, e.execId, exitCode));
        }
        if (sim.timeline != null) {
            sim.timeline.executorEnd(e.workerId, e.appId + "/" + e.execId, sim.nowMs, exitCode);
        }
    }

    DriverNode driver(String id) {
        SimNode node = sim.nodes.get(id);
        return node instanceof DriverNode d ? d : null;
    }
}
