package cluster.tracecheck;

import cluster.messages.ExecutorStateChanged;
import cluster.messages.KillExecutor;
import cluster.messages.LaunchExecutor;
import cluster.trace.TraceEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Happens-before that no message shows: a master that handles a driver's disconnection, or a worker whose
 * executor exits because its driver is gone, acts after that driver's last event (a closed connection is the
 * driver's end). The spec agrees: such a step needs the driver DONE, after which that process does nothing. An
 * edge is added only where the gone process's last event does not already happen after the noticing event (else
 * the process was not gone, and the spec judges). A worker or driver that gives up on its master gets no such
 * edge: it gives up on a broken connection, and the master may live on (a partition), so the master's later
 * steps may be concurrent with the ones that led to the giving up; forcing them all before it can close a cycle
 * with the other inferred edges, and the trace spec accepts giving up on a master that still leads.
 *
 * <p>A new leader reads the records its predecessors wrote, so its election (MasterElectedLeader of epoch e)
 * comes after every step another master took while leading an older epoch (a real runtime could store its clock
 * with the records; a step of a deposed leader that had not heard yet is valid on either side in the spec).
 *
 * <p>Likewise for executor processes, when the runtime does not pass clocks along: an executor's first event
 * comes after the worker's step that launched it, and the worker's ExecutorExit / ExecutorDriverGone of it
 * after the executor's last event; so does the worker's WorkerHandleKillExecutor of it, after which the spec has
 * no such process (the real process may still take a step while its SIGTERM is on the way, concurrently), and the
 * worker's next WorkerRestart (its executors die with it).
 */
final class GoneProcesses {
    private GoneProcesses() {
    }

    static Map<TraceEvent, Map<String, Long>> edges(Map<String, List<TraceEvent>> byNode, Identities ids) {
        Map<TraceEvent, Map<String, Long>> after = new HashMap<>();
        for (List<TraceEvent> events : byNode.values()) {
            for (TraceEvent e : events) {
                for (String node : goneDrivers(e.entry(), ids)) {
                    List<TraceEvent> goneEvents = byNode.get(node);
                    if (goneEvents == null || goneEvents.isEmpty()) {
                        continue;
                    }
                    addEdge(after, e, goneEvents.get(goneEvents.size() - 1));
                }
            }
        }
        executorProcesses(byNode, ids, after);
        elections(byNode, after);
        sendsToLaterLives(byNode, after);
        return after;
    }

    /**
     * A message that a restarted process received in a later life was sent after its previous life ended: what
     * was on the way to the dead process was lost with it (the spec's crash drops the messages for it), so the send
     * comes after the Restart that began the receiving life, which the hidden crash just precedes.
     */
    private static void sendsToLaterLives(Map<String, List<TraceEvent>> byNode, Map<TraceEvent, Map<String, Long>> after) {
        Map<String, TraceEvent> senders = null;
        for (List<TraceEvent> events : byNode.values()) {
            TraceEvent restart = null;
            for (TraceEvent e : events) {
                if (isRestart(e)) {
                    restart = e;
                }
                if (restart == null || e.entry().received() == null) {
                    continue;
                }
                if (senders == null) {
                    senders = new HashMap<>();
                    for (List<TraceEvent> all : byNode.values()) {
                        for (TraceEvent s : all) {
                            for (TraceEntry.MessageRef m : s.entry().sent()) {
                                senders.put(m.from() + "/" + m.msgId(), s);
                            }
                        }
                    }
                }
                TraceEvent send = senders.get(e.entry().received().from() + "/" + e.entry().received().msgId());
                if (send != null) {
                    addEdge(after, send, restart);
                }
            }
        }
    }

    private static void elections(Map<String, List<TraceEvent>> byNode, Map<TraceEvent, Map<String, Long>> after) {
        for (List<TraceEvent> events : byNode.values()) {
            for (TraceEvent election : events) {
                if (!election.entry().action().equals("MasterElectedLeader")
                        || !(election.entry().changed().get("mEpoch") instanceof Number epoch)) {
                    continue;
                }
                byNode.forEach((node, others) -> {
                    if (node.equals(election.entry().node())) {
                        return;
                    }
                    long leading = 0;
                    TraceEvent lastOlderTerm = null;
                    for (TraceEvent e : others) {
                        if (e.entry().changed().get("mEpoch") instanceof Number n) {
                            leading = n.longValue();
                        }
                        if (leading > 0 && leading < epoch.longValue()) {
                            lastOlderTerm = e;
                        }
                    }
                    if (lastOlderTerm != null) {
                        addEdge(after, election, lastOlderTerm);
                    }
                });
            }
        }
    }

    private static void executorProcesses(Map<String, List<TraceEvent>> byNode, Identities ids,
            Map<TraceEvent, Map<String, Long>> after) {
        Map<String, TraceEvent> launches = new HashMap<>();
        Map<String, TraceEvent> exits = new HashMap<>();
        for (List<TraceEvent> events : byNode.values()) {
            for (TraceEvent e : events) {
                String action = e.entry().action();
                if (action.equals("WorkerHandleLaunchExecutor")
                        && e.entry().received() != null && e.entry().received().message() instanceof LaunchExecutor l) {
                    launches.putIfAbsent(l.appId + "/" + l.execId, e);
                } else if (action.equals("WorkerHandleKillExecutor")
                        && e.entry().received() != null && e.entry().received().message() instanceof KillExecutor k) {
                    exits.putIfAbsent(k.appId + "/" + k.execId, e); // the worker stops the process: nothing of it follows
                } else if (action.equals("ExecutorExit") || action.equals("ExecutorDriverGone")) {
                    for (TraceEntry.MessageRef m : e.entry().sent()) {
                        if (m.message() instanceof ExecutorStateChanged r) {
                            exits.putIfAbsent(r.appId + "/" + r.execId, e);
                        }
                    }
                }
            }
        }
        workerDrops(byNode, ids, exits);
        ids.executorOfNode.forEach((node, x) -> {
            List<TraceEvent> own = byNode.get(node);
            if (own == null || own.isEmpty()) {
                return;
            }
            TraceEvent launch = launches.get(x.appId() + "/" + x.execId());
            if (launch != null) {
                addEdge(after, own.get(0), launch);
                // its worker killed and started again: the executor died with that life (the spec's crash empties
                // the worker's wExecs), so the next life's Restart comes after the executor's last event
                TraceEvent end = lastOfLife(byNode.get(launch.entry().node()), launch.entry().seq());
                List<TraceEvent> worker = byNode.get(launch.entry().node());
                if (end != null && end.entry().seq() < worker.size()) {
                    addEdge(after, worker.get((int) end.entry().seq()), own.get(own.size() - 1));
                }
            }
            TraceEvent exit = exits.get(x.appId() + "/" + x.execId());
            if (exit != null) {
                addEdge(after, exit, own.get(own.size() - 1));
            }
        });
    }

    /**
     * Any other worker step after which an executor is no longer in the worker's {@code wExecs} (a ReconnectWorker
     * stops them all, so does the crash before a WorkerRestart) also ends that executor process in the spec.
     */
    private static void workerDrops(Map<String, List<TraceEvent>> byNode, Identities ids, Map<String, TraceEvent> exits) {
        byNode.forEach((node, events) -> {
            if (ids.executorOfNode.containsKey(node)) {
                return;
            }
            java.util.Set<String> running = new java.util.HashSet<>();
            for (TraceEvent e : events) {
                java.util.Set<String> now = running;
                if (e.entry().action().equals("WorkerRestart")) {
                    now = new java.util.HashSet<>();
                }
                if (e.entry().changed().get("wExecs") instanceof List<?> list) {
                    now = new java.util.HashSet<>();
                    for (Object p : list) {
                        if (p instanceof Map<?, ?> m) {
                            now.add(m.get("app") + "/" + m.get("id"));
                        }
                    }
                }
                for (String x : running) {
                    if (!now.contains(x)) {
                        // the earliest end wins: an ExecutorExit reported to no master names no executor, so a
                        // later KillExecutor of the gone process may have been taken for its end
                        exits.merge(x, e, (old, drop) -> old.entry().node().equals(drop.entry().node())
                                && drop.entry().seq() < old.entry().seq() ? drop : old);
                    }
                }
                running = now;
            }
        });
    }

    /**
     * A MasterRestart or WorkerRestart: always a restart, since a first start is not traced, also as a file's first
     * event (the process was killed before its first step).
     */
    private static boolean isRestart(TraceEvent e) {
        return e.entry().action().endsWith("Restart");
    }

    /** {@code later} comes after {@code earlier}, unless their clocks say the opposite. */
    private static void addEdge(Map<TraceEvent, Map<String, Long>> after, TraceEvent later, TraceEvent earlier) {
        if (earlier.entry().vectorClock().getOrDefault(later.entry().node(), 0L) < later.entry().seq()) {
            after.computeIfAbsent(later, k -> new HashMap<>()).merge(earlier.entry().node(), earlier.entry().seq(), Math::max);
        }
    }

    /**
     * The last event of the life of a process that its event {@code known} belongs to: the event before its next
     * Restart, or its last event if it never restarts. A process killed and started again under its id has one
     * file; the spec's crash of a life (hidden: the trace shows only the next life's Restart) comes after that
     * life's last event, and so must whatever needs that crash.
     */
    static TraceEvent lastOfLife(List<TraceEvent> events, long known) {
        if (events == null || events.isEmpty()) {
            return null;
        }
        for (TraceEvent e : events) {
            if (e.entry().seq() > known && e.entry().seq() > 1 && isRestart(e)) { // seq 1: no earlier life here
                return events.get((int) e.entry().seq() - 2);
            }
        }
        return events.get(events.size() - 1);
    }

    @SuppressWarnings("unchecked")
    private static List<String> goneDrivers(TraceEntry e, Identities ids) {
        if (e.action().equals("MasterHandleDriverDisconnected") && e.changed().get("mApps") instanceof Map<?, ?> apps) {
            return ((Map<String, Object>) apps).entrySet().stream()
                    .filter(a -> a.getValue() instanceof Map<?, ?> r && "FINISHED".equals(r.get("state")))
                    .map(a -> ids.driverOfApp.get(a.getKey())).filter(d -> d != null).toList();
        }
        if (e.action().equals("ExecutorDriverGone") && e.changed().get("wReports") instanceof List<?> reports) {
            return ((List<Object>) reports).stream()
                    .filter(r -> r instanceof Map<?, ?> m && Boolean.TRUE.equals(m.get("driverGone")))
                    .map(r -> ids.driverOfApp.get(String.valueOf(((Map<String, Object>) r).get("app"))))
                    .filter(d -> d != null).distinct().toList();
        }
        return List.of();
    }
}
