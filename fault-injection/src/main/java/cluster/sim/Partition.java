package cluster.sim;

import java.util.Set;

/**
 * A cut between groups of hosts (an executor lives on its worker's host). {@code from} cannot reach {@code to};
 * unless one-way, neither can {@code to} reach {@code from}. Hosts in neither group are not affected (a bridge).
 */
record Partition(FaultKind kind, Set<String> from, Set<String> to, boolean oneWay) {

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
