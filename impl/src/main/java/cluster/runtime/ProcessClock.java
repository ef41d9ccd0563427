package cluster.runtime;

import cluster.trace.TraceEntry;
import cluster.trace.TraceSink;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Vector clocks across a process boundary, for traces: a worker hands its clock to the executor it starts (in the
 * environment), and the executor keeps its latest clock in a file in its working directory, which the worker reads
 * when the process ends (so its ExecutorExit happens after everything the executor did, even after a SIGKILL).
 */
public final class ProcessClock {
    /** Environment variable with the starter's clock: {@code node=count;node=count}. */
    public static final String ENV = "CLUSTER_TRACE_CLOCK";
    /** File in an executor's working directory with its latest clock, in the same form. */
    public static final String FILE = "trace-clock";

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

    /** The clock an ended executor left in {@code workDir}, or an empty map. */
    public static Map<String, Long> readLeft(Path workDir) {
        try {
            Path file = workDir.resolve(FILE);
            return Files.isRegularFile(file) ? decode(Files.readString(file)) : Map.of();
        } catch (IOException e) {
            return Map.of();
        }
    }

    /** A sink that also keeps the latest entry's clock in {@code workDir}/{@value #FILE} (replaced atomically). */
    public static TraceSink keepingClockIn(Path workDir, TraceSink inner) {
        return new TraceSink() {
            @Override
            public void append(TraceEntry entry) {
                inner.append(entry);
                try {
                    Path partial = workDir.resolve(FILE + ".partial");
                    Files.writeString(partial, encode(entry.vectorClock()));
                    Files.move(partial, workDir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING,
                            StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    // the worker's ExecutorExit then knows less of this executor's history; the trace says so
                }
            }

            @Override
            public void close() {
                inner.close();
            }
        };
    }
}
