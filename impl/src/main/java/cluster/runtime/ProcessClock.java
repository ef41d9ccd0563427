package cluster.runtime;

import cluster.trace.TraceEntry;
import cluster.trace.JsonLinesTraceSink;
import cluster.trace.TraceFileReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vector clocks across a process boundary, for traces: a worker hands its clock to the executor it starts (in the
 * environment), and takes the clock of the executor's last traced event when the process ends.
 */
public final class ProcessClock {
    /** Environment variable with the starter's clock: {@code node=count;node=count}. */
    public static final String ENV = "CLUSTER_TRACE_CLOCK";

    private ProcessClock() {
    }

    public static String encode(Map<String, Long> clock) {
        StringBuilder text = new StringBuilder();
        clock.forEach((node, count) -> text.append(text.length() == 0 ? "" : ";").append(node).append('=').append(count));
        return text.toString();
    }

    /** The clock in {@code text}; an empty map for null or anything malformed (causality is then only weaker). */
    public static Map<String, Long> decode(String text) {
        Map<String, Long> clock = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return clock;
        }
        try {
            for (String part : text.strip().split(";")) {
                int eq = part.lastIndexOf('=');
                clock.put(part.substring(0, eq), Long.parseLong(part.substring(eq + 1)));
            }
        } catch (RuntimeException e) {
            return new LinkedHashMap<>();
        }
        return clock;
    }

    /**
     * The clock of the last event in the trace file of {@code nodeId} in {@code traceDir}: what a worker takes when
     * its executor ends, so its ExecutorExit happens after everything the executor traced (even after a SIGKILL).
     * Empty if tracing is off, the file is missing, or unreadable (the checker reports a torn file itself).
     */
    public static Map<String, Long> lastOf(String traceDir, String nodeId) {
        if (traceDir == null) {
            return Map.of();
        }
        Path file = Path.of(traceDir, JsonLinesTraceSink.fileName(nodeId));
        try {
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
            java.util.List<TraceEntry> entries = TraceFileReader.read(file);
            return entries.isEmpty() ? Map.of() : entries.get(entries.size() - 1).vectorClock();
        } catch (RuntimeException e) {
            return Map.of();
        }
    }
}
