package cluster.sim;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Draws a partition of one shape over the cluster's hosts (masters, worker machines with their executors,
 * drivers): halves (a random split), the leader isolated from everyone, a bridge (two sides that only one host
 * can talk to), one-way (one side's messages to the other are lost, the other way works).
 */
final class Partitions {
    private Partitions() {
    }

    static Partition draw(FaultKind kind, Simulation sim) {
        List<String> hosts = new ArrayList<>();
        sim.masters.forEach(m -> hosts.add(m.id));
        sim.workers.forEach(w -> hosts.add(w.id));
        sim.drivers.forEach(d -> hosts.add(d.id));
        return switch (kind) {
            case PARTITION_HALVES -> halves(kind, hosts, sim, false);
            case PARTITION_ONE_WAY -> halves(kind, hosts, sim, true);
            case PARTITION_LEADER -> leader(kind, hosts, sim);
            case PARTITION_BRIDGE -> bridge(kind, hosts, sim);
            default -> throw new IllegalArgumentException("not a partition: " + kind);
        };
    }

    private static Partition halves(FaultKind kind, List<String> hosts, Simulation sim, boolean oneWay) {
        Set<String> side = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        for (String h : hosts) {
            (sim.random.nextBoolean() ? side : other).add(h);
        }
        return side.isEmpty() || other.isEmpty() ? null : new Partition(kind, side, other, oneWay);
    }

    private static Partition leader(FaultKind kind, List<String> hosts, Simulation sim) {
        MasterNode leader = sim.leaseHolder();
        if (leader == null) {
            return null;
        }
        Set<String> rest = new LinkedHashSet<>(hosts);
        rest.remove(leader.id);
        return new Partition(kind, Set.of(leader.id), rest, false);
    }

    private static Partition bridge(FaultKind kind, List<String> hosts, Simulation sim) {
        if (hosts.size() < 3) {
            return null;
        }
        String bridge = hosts.get(sim.random.nextInt(hosts.size()));
        Set<String> side = new LinkedHashSet<>();
        Set<String> other = new LinkedHashSet<>();
        for (String h : hosts) {
            if (!h.equals(bridge)) {
                (sim.random.nextBoolean() ? side : other).add(h);
            }
        }
        return side.isEmpty() || other.isEmpty() ? null : new Partition(kind, side, other, false);
    }
}
