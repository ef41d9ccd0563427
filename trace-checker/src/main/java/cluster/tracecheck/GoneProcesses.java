package cluster.tracecheck;

import cluster.trace.TraceEntry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Happens-before that no message shows: a master that handles a driver's disconnection, or a worker whose
 * executor exits because its driver is gone, acts after that driver's last event (a closed connection is the
 * driver's end). The spec agrees: such a step needs the driver DONE, after which the driver does nothing.
 * An edge is added only where the driver's last event does not already happen after the noticing event.
 */
final class GoneProcesses {
    private GoneProcesses() {
    }

    static Map<TraceEvent, Map<String, Long>> edges(Map<String, List<TraceEvent>> byNode, Identities ids) {
        Map<TraceEvent, Map<String, Long>> after = new HashMap<>();
        for (List<TraceEvent> events : byNode.values()) {
            for (TraceEvent e : events) {
                for (String driver : goneDrivers(e.entry(), ids)) {
                    List<TraceEvent> driverEvents = byNode.get(driver);
                    if (driverEvents == null || driverEvents.isEmpty()) {
                        continue;
                    }
                    TraceEntry last = driverEvents.get(driverEvents.size() - 1).entry();
                    if (last.vectorClock().getOrDefault(e.entry().node(), 0L) < e.entry().seq()) {
                        after.computeIfAbsent(e, k -> new HashMap<>()).put(driver, last.seq());
                    }
                }
            }
        }
        return after;
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
