package cluster.tracecheck;

import cluster.trace.MalformedTraceException;
import cluster.trace.TraceEntry;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Merges the per-node traces into one total order that respects happens-before: an event comes after its
 * node's previous event and after every event its vector clock says it knows of (so a receive comes after its
 * send). Among events free to go next, the one with the smallest clock sum goes first, an approximation of
 * real time that keeps concurrent events of different nodes in a plausible order.
 */
final class TraceMerger {
    /**
     * A worker or driver that gives up on its master goes first among the events free to go: the spec lets it
     * give up only while no answer it would accept is in flight, and its timer fired before any such answer
     * arrived; a new leader's announcement concurrent with it is then ordered after it.
     */
    private static final java.util.Set<String> GIVING_UP = java.util.Set.of("WorkerSendRegisterWorker",
            "DriverSendRegisterApplication");

    /**
     * Giving up first, an election last: a new leader is elected only after the old one's session timed out,
     * seconds after it died, so what the others were doing concurrently happened before, as a rule.
     */
    private static int rank(String action) {
        return GIVING_UP.contains(action) ? 0 : action.equals("MasterElectedLeader") ? 2 : 1;
    }

    private TraceMerger() {
    }

    /**
     * @throws TraceViolation          if a receive does not happen after the send of its message
     * @throws MalformedTraceException if an event depends on events a node's file does not have
     */
    static List<TraceEvent> merge(Map<String, List<TraceEvent>> byNode) {
        return merge(byNode, Map.of());
    }

    /**
     * @param after events that must also come after some events their clocks do not know: node → how many of its
     *              events (a process noticing that another one is gone comes after that one's last event)
     */
    static List<TraceEvent> merge(Map<String, List<TraceEvent>> byNode, Map<TraceEvent, Map<String, Long>> after) {
        checkReceivesAfterSends(byNode);
        Map<String, Integer> done = new HashMap<>();
        byNode.keySet().forEach(n -> done.put(n, 0));
        Map<TraceEvent, Long> sums = new HashMap<>();
        PriorityQueue<TraceEvent> ready = new PriorityQueue<>(Comparator
                .comparingInt((TraceEvent e) -> rank(e.entry().action()))
                .thenComparingLong((TraceEvent e) -> sums.computeIfAbsent(e, x -> clockSum(x.entry())))
                .thenComparing(e -> e.entry().node()));
        // events blocked until node k has done c events: k -> c -> events
        Map<String, Map<Long, List<TraceEvent>>> blocked = new HashMap<>();
        for (List<TraceEvent> events : byNode.values()) {
            if (!events.isEmpty()) {
                offer(events.get(0), after, done, byNode, ready, blocked);
            }
        }
        List<TraceEvent> merged = new ArrayList<>();
        int total = byNode.values().stream().mapToInt(List::size).sum();
        while (merged.size() < total) {
            TraceEvent next = ready.poll();
            if (next == null) {
                TraceEvent stuck = blocked.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream)
                        .findFirst().orElseThrow();
                throw new TraceViolation("event " + stuck.name() + " (" + stuck.where() + ") cannot be ordered: its vector clock "
                        + stuck.entry().vectorClock() + " is inconsistent with the other nodes' events (a cycle of happens-before)");
            }
            merged.add(next);
            String node = next.entry().node();
            int count = done.merge(node, 1, Integer::sum);
            List<TraceEvent> own = byNode.get(node);
            if (count < own.size()) {
                offer(own.get(count), after, done, byNode, ready, blocked);
            }
            Map<Long, List<TraceEvent>> waiting = blocked.get(node);
            List<TraceEvent> unblocked = waiting == null ? null : waiting.remove((long) count);
            if (unblocked != null) {
                unblocked.forEach(e -> offer(e, after, done, byNode, ready, blocked));
            }
        }
        return merged;
    }

    /** Into the ready queue, or waiting for the first event of another node it depends on and that is not merged yet. */
    private static void offer(TraceEvent e, Map<TraceEvent, Map<String, Long>> after, Map<String, Integer> done,
            Map<String, List<TraceEvent>> byNode, PriorityQueue<TraceEvent> ready,
            Map<String, Map<Long, List<TraceEvent>>> blocked) {
        Map<String, Long> deps = new HashMap<>(e.entry().vectorClock());
        after.getOrDefault(e, Map.of()).forEach((n, c) -> deps.merge(n, c, Math::max));
        for (Map.Entry<String, Long> c : deps.entrySet()) {
            if (c.getKey().equals(e.entry().node())) {
                continue;
            }
            List<TraceEvent> other = byNode.get(c.getKey());
            int have = other == null ? 0 : other.size();
            if (c.getValue() > have) {
                throw new MalformedTraceException(e.file(), e.entry().seq(), "event " + e.name() + " happens after event "
                        + c.getValue() + " of node " + c.getKey() + ", whose trace has only " + have
                        + " events (its file is missing or incomplete)");
            }
            if (done.getOrDefault(c.getKey(), 0) < c.getValue()) {
                blocked.computeIfAbsent(c.getKey(), k -> new HashMap<>())
                        .computeIfAbsent(c.getValue(), k -> new ArrayList<>()).add(e);
                return;
            }
        }
        ready.add(e);
    }

    private static long clockSum(TraceEntry e) {
        return e.vectorClock().values().stream().mapToLong(Long::longValue).sum();
    }

    /** Every message a traced event received and a traced event sent is received after that send. */
    private static void checkReceivesAfterSends(Map<String, List<TraceEvent>> byNode) {
        Map<String, TraceEvent> senders = new HashMap<>();
        for (List<TraceEvent> events : byNode.values()) {
            for (TraceEvent e : events) {
                for (TraceEntry.MessageRef m : e.entry().sent()) {
                    senders.put(m.from() + "/" + m.msgId(), e);
                }
            }
        }
        for (List<TraceEvent> events : byNode.values()) {
            for (TraceEvent e : events) {
                TraceEntry.MessageRef m = e.entry().received();
                if (m == null) {
                    continue;
                }
                TraceEvent send = senders.get(m.from() + "/" + m.msgId());
                if (send == null) {
                    continue; // sent by a step that is no spec action (a process start, a heartbeat): the spec decides
                }
                long known = e.entry().vectorClock().getOrDefault(m.from(), 0L);
                if (known < send.entry().seq()) {
                    throw new TraceViolation("event " + e.name() + " (" + e.where() + ") receives " + m.message().type()
                            + " #" + m.msgId() + " from " + m.from() + " before it was sent: the send is event " + send.name()
                            + " (" + send.where() + "), but the receive's vector clock knows only " + known
                            + " events of " + m.from());
                }
            }
        }
    }
}
