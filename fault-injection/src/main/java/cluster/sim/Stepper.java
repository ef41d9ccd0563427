package cluster.sim;

import cluster.core.AppRecord;
import cluster.core.Effect;
import cluster.core.ExitCodes;
import cluster.core.Input;
import cluster.messages.LaunchExecutor;
import cluster.messages.Message;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Hands an event to its node's core and carries out the effects under the runtime contract of
 * {@link Effect}: in order; persisted writes first, each a compare-and-set on the lease; when one fails the
 * rest of the step is dropped (its sends, its trace event) and the master is told {@link Input.PersistFailed}.
 * Then the step's trace entry is recorded and the safety properties are checked.
 */
final class Stepper {
    private final Simulation sim;
    private final StepObserver observer;

    Stepper(Simulation sim) {
        this.sim = sim;
        this.observer = new StepObserver(sim);
    }

    /** Whether the event made a step (an event for a dead process, a replaced timer or a paused node does not). */
    boolean deliver(SimEvent event) {
        SimNode node = sim.nodes.get(event.node);
        if (node == null || !node.alive || node.life != event.life) {
            lost(event);
            return false;
        }
        if (event.kind == SimEvent.Kind.TIMER) {
            String id = SimNode.timerId(event.timerName, event.timerKey);
            Long generation = node.timers.get(id);
            if (generation == null || generation != event.timerGeneration) {
                return false;
            }
            if (node.paused) {
                node.held.add(event);
                return false;
            }
            node.timers.remove(id);
        } else if (node.paused) {
            node.held.add(event);
            return false;
        }
        InFlight received = event.message;
        Partition cut = received == null ? null : sim.network.cutBy(sim.hostOf(received.from()), Simulation.hostOf(node));
        if (cut != null) {
            if (sim.network.partitionsLose) {
                lost(event);
            } else {
                cut.held.add(event);
            }
            return false;
        }
        if (received != null && sim.timeline != null) {
            sim.timeline.message(received, sim.nowMs, true);
        }
        step(node, event.asInput(), received);
        return true;
    }

    private void lost(SimEvent event) {
        if (event.message != null && sim.timeline != null) {
            sim.timeline.message(event.message, sim.nowMs, false);
        }
    }

    private void step(SimNode node, Input input, InFlight received) {
        Input told = rewrite(node, input);
        StepObserver.Before before = observer.before(node, input);
        List<Effect> effects;
        try {
            effects = node.step(told, sim.nowMs);
        } catch (RuntimeException e) {
            sim.violated(Violation.Kind.CRASH, CoreCrashes.property(e), node.id + " threw on " + describe(input)
                    + ": " + e);
            return;
        }
        String action = null;
        Map<String, Object> changed = Map.of();
        List<InFlight> sent = sim.tracer == null ? null : new ArrayList<>(2);
        if (sim.tracer != null) {
            sim.tracer.received(node, received);
        }
        for (Effect effect : effects) {
            if (effect instanceof Effect.Persist p) {
                if (!write(node, p.record().key(), ((MasterNode) node).client.persist(p.epoch(), p.record()))) {
                    action = null;
                    break;
                }
                if (p.record() instanceof AppRecord app && app.state() == AppRecord.State.FINISHED) {
                    sim.history.finishedApps.add(app.appId());
                }
            } else if (effect instanceof Effect.Unpersist u) {
                if (!write(node, u.key(), ((MasterNode) node).client.unpersist(u.epoch(), u.key()))) {
                    action = null;
                    break;
                }
            } else if (effect instanceof Effect.TraceEvent t) {
                action = t.action();
                changed = t.changed();
                if (sim.tracer != null) {
                    sim.tracer.tick(node);
                }
            } else if (effect instanceof Effect.Send s) {
                send(node, s, action, sent);
            } else if (effect instanceof Effect.LaunchProcess l) {
                sim.processes.launch((WorkerNode) node, l);
            } else if (effect instanceof Effect.KillProcess k) {
                sim.processes.kill((WorkerNode) node, k);
            } else if (effect instanceof Effect.ExitProcess x) {
                sim.processes.end((ExecutorNode) node, x.exitCode(), true);
            } else if (effect instanceof Effect.ReportRegistered r) {
                sim.processes.registered((ExecutorNode) node);
            } else if (effect instanceof Effect.SetTimer t) {
                setTimer(node, t);
            }
        }
        if (action != null && sim.tracer != null) {
            sim.tracer.step(node, action, received, sent, changed);
        }
        observer.after(node, input, received, action, before);
        if (sim.log != null) {
            sim.log.println("t=" + sim.nowMs + " #" + (sim.steps + 1) + " " + node.id + " <- " + describe(input)
                    + (action == null ? "" : " : " + action));
        }
    }

    private Input rewrite(SimNode node, Input input) {
        if (!(input instanceof Input.Received r)) {
            return input;
        }
        Message m = r.message();
        Message rewritten = switch (node.role) {
            case WORKER -> sim.toWorker(((WorkerNode) node).core, m);
            case MASTER -> sim.mutation.toMaster(m);
            default -> m;
        };
        return rewritten == m ? input : new Input.Received(r.from(), rewritten);
    }

    /** A write's outcome: on failure the master hears PersistFailed and the rest of the step is dropped. */
    private boolean write(SimNode node, String key, CompletableFuture<Void> write) {
        if (SimCoordination.succeeded(write)) {
            sim.inputNext(node, new Input.PersistCompleted(key));
            return true;
        }
        sim.inputNext(node, new Input.PersistFailed(key, "the lease is gone"));
        return false;
    }

    private void send(SimNode node, Effect.Send s, String action, List<InFlight> sent) {
        Message message = node instanceof WorkerNode w ? sim.mutation.fromWorker(w.real, s.message()) : s.message();
        if (message instanceof LaunchExecutor l && "MasterSchedule".equals(action)
                && sim.history.finishedApps.contains(l.appId)) {
            sim.violated(Violation.Kind.SAFETY, "NothingLaunchedForFinishedApp",
                    node.id + " sent LaunchExecutor " + l.appId + "/" + l.execId + " for a finished app");
        }
        InFlight inFlight = new InFlight(node.id, s.to(), node.nextMsgId++, message,
                sim.tracer == null ? null : sim.tracer.clockOf(node), sim.nowMs);
        if (sent != null) {
            sent.add(inFlight);
        }
        SimNode target = sim.nodes.get(s.to());
        if (target == null || !target.alive) {
            lostAtOnce(inFlight);
            return; // nothing listens there: the connection is refused
        }
        String from = Simulation.hostOf(node);
        String to = Simulation.hostOf(target);
        Partition cut = sim.network.cutBy(from, to);
        if ((cut != null && sim.network.partitionsLose) || sim.network.lose()) {
            lostAtOnce(inFlight);
            return;
        }
        long arrival = sim.network.arrival(from, to, sim.nowMs);
        SimEvent delivery = SimEvent.deliver(arrival, sim.nextSeq(), target.life, inFlight);
        if (cut != null) {
            cut.held.add(delivery); // waits for the cut to heal
            return;
        }
        sim.queue.add(delivery);
        if (sim.network.duplicate()) {
            sim.queue.add(SimEvent.deliver(sim.network.duplicateArrival(arrival), sim.nextSeq(), target.life, inFlight));
        }
    }

    private void lostAtOnce(InFlight inFlight) {
        if (sim.timeline != null) {
            sim.timeline.message(inFlight, sim.nowMs, false);
        }
    }

    private void setTimer(SimNode node, Effect.SetTimer t) {
        long generation = sim.nextSeq();
        node.timers.put(SimNode.timerId(t.name(), t.key()), generation);
        sim.queue.add(SimEvent.timer(sim.nowMs + t.delayMs(), generation, node.id, node.life, t.name(), t.key(),
                generation));
    }

    static String describe(Input input) {
        if (input instanceof Input.Received r) {
            return r.message().type() + " from " + r.from();
        }
        return input.getClass().getSimpleName();
    }

    static boolean abnormal(int exitCode) {
        return exitCode != ExitCodes.NORMAL && exitCode != ExitCodes.DRIVER_GONE && exitCode != Processes.KILLED_EXIT_CODE;
    }
}
