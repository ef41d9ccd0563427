package cluster.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A cut between groups of hosts (an executor lives on its worker's host). {@code from} cannot reach {@code to};
 * unless one-way, neither can {@code to} reach {@code from}. Hosts in neither group are not affected (a bridge).
 * Messages that meet the cut wait in it when the network is TCP-like (they arrive once it heals, as TCP retransmits
 * over a stalled connection), or are lost when the network is the spec's (any message may be lost).
 */
final class Partition {
    final FaultKind kind;
    final Set<String> from;
    final Set<String> to;
    final boolean oneWay;
    /** Deliveries held up by this cut, in the order they met it. */
    final List<SimEvent> held = new ArrayList<>();

    Partition(FaultKind kind, Set<String> from, Set<String> to, boolean oneWay) {
        this.kind = kind;
        this.from = from;
        this.to = to;
        this.oneWay = oneWay;
    }

    boolean blocks(String sourceHost, String targetHost) {
        if (from.contains(sourceHost) && to.contains(targetHost)) {
            return true;
        }
        return !oneWay && to.contains(sourceHost) && from.contains(targetHost);
    }

    String describe() {
        return kind.label + " " + from + (oneWay ? " -/-> " : " <-/-> ") + to;
    }
}
