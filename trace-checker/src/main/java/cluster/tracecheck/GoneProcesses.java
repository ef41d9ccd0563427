package cluster.tracecheck;

import cluster.trace.TraceEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Happens-before that no message shows: a master that handles a driver's disconnection, or a worker whose
 * executor exits because its driver is gone, acts after that driver's last event (a closed connection is the
 * driver's end); a worker or driver that gives up on its master and registers anew acts after that master's
 * last event (when the master never restarts). The spec agrees: such a step needs the driver DONE, or the
 * master gone, after which that process does nothing. An edge is added only where the gone process's last
 * event does not already happen after the noticing event (else the process was not gone, and the spec judges).
 */
final class GoneProcesses {
    private GoneProcesses() {
    }

    static Map<TraceEvent, Map<String, Long>> edges(Map<String, List<TraceEvent>> byNode, Identities ids) {
        Map<TraceEvent, Map<String, Long>> after = new HashMap<>();
        for (List<TraceEvent> events : byNode.values()) {
            String followed = null;
            for (TraceEvent e : events) {
                List<String> gone = new java.util.ArrayList<>(goneDrivers(e.entry(), ids));
                boolean reregisters = e.entry().action().equals("WorkerSendRegisterWorker")
                        || e.entry().action().equals("DriverSendRegisterApplication");
                if (reregisters && followed != null && !restarts(byNode.get(followed))) {
                    gone.add(followed);
                }
                for (String node : gone) {
                    List<TraceEvent> goneEvents = byNode.get(node);
                    if (goneEvents == null || goneEvents.isEmpty()) {
                        continue;
                    }
                    TraceEntry last = goneEvents.get(goneEvents.size() - 1).entry();
                    if (last.vectorClock().getOrDefault(e.entry().node(), 0L) < e.entry().seq()) {
                        after.computeIfAbsent(e, k -> new HashMap<>()).put(node, last.seq());
                    }
                }
                Object master = e.entry().changed().getOrDefault("wMaster", e.entry().changed().get("dMaster"));
                if (master != null) {
                    followed = "none".equals(master) ? null : String.valueOf(master);
                }
            }
        }
        return after;
    }

    private static boolean restarts(List<TraceEvent> events) {
        return events == null || events.stream().anyMatch(e -> e.entry().action().endsWith("Restart"));
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
