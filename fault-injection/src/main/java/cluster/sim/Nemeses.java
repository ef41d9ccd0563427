package cluster.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The nemesis: during the faulty phase it strikes now and then (drawn from the run's random source) with a fault
 * of an enabled kind, and schedules that fault's healing; at the end of the phase everything heals at once.
 * Swarm-style, each run draws its own rates (how often, how lossy), so runs differ in character, not only in
 * detail.
 */
final class Nemeses {
    /** At most this many faults at once, so the cluster sometimes makes progress between them. */
    static final int MAX_ACTIVE = 3;

    private final Simulation sim;
    private final List<FaultKind> enabled = new ArrayList<>();
    /** Healing actions of the faults still in force, run at once when the faulty phase ends. */
    private final List<Heal> active = new ArrayList<>();
    private final double strikeRate;

    private static final class Heal {
        final Runnable action;
        boolean done;

        Heal(Runnable action) {
            this.action = action;
        }

        void run() {
            if (!done) {
                done = true;
                action.run();
            }
        }
    }

    Nemeses(Simulation sim) {
        this.sim = sim;
        for (FaultKind kind : FaultKind.values()) {
            if (sim.options.nemeses().contains(kind.nemesis)) {
                enabled.add(kind);
            }
        }
        this.strikeRate = 0.01 + sim.random.nextDouble() * 0.04;
        sim.network.dropRate = 0.05 + sim.random.nextDouble() * 0.25;
        sim.network.duplicateRate = 0.05 + sim.random.nextDouble() * 0.25;
    }

    void maybeStrike() {
        if (enabled.isEmpty() || sim.random.nextDouble() >= strikeRate) {
            return;
        }
        active.removeIf(h -> h.done);
        if (active.size() >= MAX_ACTIVE) {
            return;
        }
        FaultKind kind = enabled.get(sim.random.nextInt(enabled.size()));
        if (strike(kind)) {
            sim.countFault(kind);
        }
    }

    /** Injects one fault; false if it cannot strike now (e.g. no live master to kill). */
    private boolean strike(FaultKind kind) {
        long duration = 500 + sim.random.nextLong(8_000);
        return switch (kind) {
            case PARTITION_HALVES, PARTITION_LEADER, PARTITION_BRIDGE, PARTITION_ONE_WAY -> partition(kind, duration);
            case SESSION_LOSS -> sessionLoss();
            case DELAY -> network(kind, duration, () -> sim.network.delayFaults++, () -> sim.network.delayFaults--);
            case DROP -> network(kind, duration, () -> sim.network.dropFaults++, () -> sim.network.dropFaults--);
            case DUPLICATE -> network(kind, duration, () -> sim.network.duplicateFaults++,
                    () -> sim.network.duplicateFaults--);
            case KILL_MASTER -> kill(pick(sim.masters), duration);
            case KILL_WORKER -> kill(pick(sim.workers), duration);
            case PAUSE_MASTER -> pause(pick(sim.masters), duration);
            case PAUSE_WORKER -> pause(pick(sim.workers), duration);
        };
    }

    private boolean partition(FaultKind kind, long duration) {
        Partition p = Partitions.draw(kind, sim);
        if (p == null) {
            return false;
        }
        sim.network.partitions.add(p);
        if (kind == FaultKind.PARTITION_LEADER && sim.random.nextBoolean()) {
            sessionLoss(); // cut off from the coordination service too
        }
        schedule(duration, kind.label, p.describe(), affected(p), () -> heal(p));
        return true;
    }

    /** The cut heals: what it held up goes on its way, in the order it met the cut. */
    private void heal(Partition p) {
        sim.network.partitions.remove(p);
        for (SimEvent e : p.held) {
            sim.queue.add(e.at(sim.nowMs + SimNetwork.BASE_DELAY_MS, sim.nextSeq()));
        }
        p.held.clear();
    }

    private static Set<String> affected(Partition p) {
        Set<String> nodes = new LinkedHashSet<>(p.from);
        nodes.addAll(p.to);
        return nodes;
    }

    /** The leader's session ends (expiry or a cut from the service); the coordination service elects the next. */
    private boolean sessionLoss() {
        MasterNode holder = sim.leaseHolder();
        if (holder == null) {
            return false;
        }
        sim.coordination.expireLeaderSession();
        if (sim.timeline != null) {
            sim.timeline.fault(FaultKind.SESSION_LOSS.label, "session of " + holder.participant + " lost",
                    Set.of(holder.id), sim.nowMs, sim.nowMs);
        }
        return true;
    }

    private boolean network(FaultKind kind, long duration, Runnable on, Runnable off) {
        on.run();
        schedule(duration, kind.label, kind.label, Set.of(), off);
        return true;
    }

    private <N extends SimNode> N pick(List<N> candidates) {
        List<N> up = new ArrayList<>();
        for (N n : candidates) {
            if (n.alive && !n.paused) {
                up.add(n);
            }
        }
        return up.isEmpty() ? null : up.get(sim.random.nextInt(up.size()));
    }

    private boolean kill(SimNode node, long downtime) {
        if (node == null) {
            return false;
        }
        if (node instanceof MasterNode m) {
            sim.processes.killMaster(m);
            schedule(downtime, "kill", "kill " + node.id, Set.of(node.id), () -> sim.processes.startMaster(m, true));
        } else {
            WorkerNode w = (WorkerNode) node;
            sim.processes.killWorker(w);
            schedule(downtime, "kill", "kill " + node.id, Set.of(node.id), () -> sim.processes.startWorker(w, true));
        }
        return true;
    }

    private boolean pause(SimNode node, long duration) {
        if (node == null) {
            return false;
        }
        sim.processes.pause(node);
        int life = node.life;
        if (node instanceof MasterNode m) {
            watchSession(m, life);
        }
        schedule(duration, "pause", "pause " + node.id, Set.of(node.id), () -> {
            if (node.life == life) {
                sim.processes.resume(node);
            }
        });
        return true;
    }

    /** A paused master stops renewing its session: if it holds the lease that long, the session expires. */
    private void watchSession(MasterNode m, int life) {
        sim.at(sim.nowMs + Simulation.SESSION_TIMEOUT_MS, () -> {
            if (m.life != life || !m.paused) {
                return;
            }
            MasterNode holder = sim.leaseHolder();
            if (holder == m) {
                sim.coordination.expireLeaderSession();
                if (sim.timeline != null) {
                    sim.timeline.fault(FaultKind.SESSION_LOSS.label, "session of paused " + m.participant
                            + " expired", Set.of(m.id), sim.nowMs, sim.nowMs);
                }
            } else {
                watchSession(m, life);
            }
        });
    }

    private void schedule(long duration, String kind, String description, Set<String> nodes, Runnable healAction) {
        long start = sim.nowMs;
        Heal heal = new Heal(() -> {
            healAction.run();
            if (sim.timeline != null) {
                sim.timeline.fault(kind, description, nodes, start, sim.nowMs);
            }
        });
        active.add(heal);
        sim.at(sim.nowMs + duration, heal::run);
    }

    /** End of the faulty phase: every fault heals now. */
    void healAll() {
        for (Heal h : new ArrayList<>(active)) {
            h.run();
        }
        active.clear();
        sim.network.healAll();
    }
}
