package cluster.harness;

import cluster.sim.FaultKind;
import cluster.sim.Nemesis;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Draws the process campaign's faults from its seed, one at a time: a fault is injected, held for a while, healed,
 * and the next follows after a gap. The vocabulary is the simulator's ({@link FaultKind}): partitions (halves, the
 * leader isolated, a bridge, one-way, the leader cut from lin-kv: its session lost), delays, drops, duplicates,
 * SIGKILL and restart, SIGSTOP and SIGCONT of a master or a worker. The seed fixes the choices, not the timing of
 * the processes, so a process campaign is not replayable step by step as a simulation is.
 */
final class ProcessNemesis {

    /** A fault in force, the nodes it hits (none: the whole network), and how to end it. */
    record Fault(FaultKind kind, String description, Set<String> nodes, Healing heal) {
        Fault(FaultKind kind, String description, Healing heal) {
            this(kind, description, Set.of(), heal);
        }
    }

    @FunctionalInterface
    interface Healing {
        void heal() throws Exception;
    }

    private final ProcessCluster cluster;
    private final Random random;
    private final List<Nemesis> kinds;

    ProcessNemesis(ProcessCluster cluster, long seed, Set<Nemesis> nemeses) {
        this.cluster = cluster;
        this.random = new Random(seed);
        this.kinds = new ArrayList<>(nemeses);
        kinds.sort(null);
    }

    long holdMs() {
        return 1000 + random.nextInt(2500);
    }

    long gapMs() {
        return 500 + random.nextInt(1500);
    }

    /** Injects the next fault; null when no nemesis is enabled. */
    Fault inject() {
        if (kinds.isEmpty()) {
            return null;
        }
        HarnessNetwork net = cluster.network();
        switch (kinds.get(random.nextInt(kinds.size()))) {
            case PARTITION:
                return partition(net);
            case DELAY: {
                int bound = 100 + random.nextInt(900);
                net.delay(bound);
                return new Fault(FaultKind.DELAY, "delays up to " + bound + " ms", () -> net.delay(0));
            }
            case DROP: {
                double rate = 0.05 + random.nextDouble() * 0.25;
                net.loss(rate, 0);
                return new Fault(FaultKind.DROP, String.format("%.0f %% of messages lost", rate * 100),
                        () -> net.loss(0, 0));
            }
            case DUPLICATE: {
                double rate = 0.05 + random.nextDouble() * 0.25;
                net.loss(0, rate);
                return new Fault(FaultKind.DUPLICATE, String.format("%.0f %% of messages twice", rate * 100),
                        () -> net.loss(0, 0));
            }
            case KILL: {
                boolean master = random.nextBoolean();
                String node = pick(master ? cluster.masters() : cluster.workers());
                cluster.kill(node);
                return new Fault(master ? FaultKind.KILL_MASTER : FaultKind.KILL_WORKER, "SIGKILL " + node,
                        Set.of(node), () -> cluster.restart(node));
            }
            case PAUSE:
            default: {
                boolean master = random.nextBoolean();
                String node = pick(master ? cluster.masters() : cluster.workers());
                cluster.pause(node);
                return new Fault(master ? FaultKind.PAUSE_MASTER : FaultKind.PAUSE_WORKER, "SIGSTOP " + node,
                        Set.of(node), () -> cluster.resume(node));
            }
        }
    }

    private Fault partition(HarnessNetwork net) {
        List<String> nodes = new ArrayList<>(cluster.masters());
        nodes.addAll(cluster.workers());
        cluster.drivers().forEach(d -> nodes.add(d.nodeId()));
        ProcessCluster.Lease lease = cluster.lease();
        String leader = lease == null ? pick(cluster.masters()) : lease.leader();
        Set<String> all = new HashSet<>(nodes);
        Set<String> side = new HashSet<>();
        FaultKind kind;
        switch (random.nextInt(5)) {
            case 0 -> {
                kind = FaultKind.PARTITION_HALVES;
                for (String n : nodes) {
                    if (random.nextBoolean()) {
                        side.add(n);
                    }
                }
            }
            case 1 -> {
                kind = FaultKind.PARTITION_LEADER;
                side.add(leader);
            }
            case 2 -> {
                // A bridge: two halves that both reach one node, the leader.
                kind = FaultKind.PARTITION_BRIDGE;
                for (String n : nodes) {
                    if (!n.equals(leader) && random.nextBoolean()) {
                        side.add(n);
                    }
                }
                Set<String> other = new HashSet<>(all);
                other.removeAll(side);
                other.remove(leader);
                net.cut(side, other);
                net.cut(other, side);
                Set<String> hit = new HashSet<>(side);
                hit.addAll(other);
                return new Fault(kind, "bridge through " + leader + ": " + side + " | " + other, hit, net::heal);
            }
            case 3 -> {
                kind = FaultKind.PARTITION_ONE_WAY;
                side.add(leader);
                Set<String> rest = new HashSet<>(all);
                rest.remove(leader);
                net.cut(side, rest);
                return new Fault(kind, "nothing gets out of " + leader, Set.of(leader), net::heal);
            }
            default -> {
                kind = FaultKind.SESSION_LOSS;
                net.cut(Set.of(leader), Set.of(LinKvService.ID));
                net.cut(Set.of(LinKvService.ID), Set.of(leader));
                return new Fault(kind, leader + " cut from lin-kv", Set.of(leader), net::heal);
            }
        }
        Set<String> rest = new HashSet<>(all);
        rest.removeAll(side);
        net.cut(side, rest);
        net.cut(rest, side);
        // Halves: the smaller side is shaded (the leader alone, when it is the one isolated).
        return new Fault(kind, side + " | " + rest, side.size() <= rest.size() ? side : rest, net::heal);
    }

    private String pick(List<String> nodes) {
        return nodes.get(random.nextInt(nodes.size()));
    }
}
