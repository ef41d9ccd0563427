package cluster.runtime;

import cluster.trace.TraceSink;

import java.util.function.Function;

/** Opens the trace sink of a node: tracing off unless a trace directory is configured. */
public final class Traces {
    private Traces() {
    }

    /** The sinks of a process with this trace directory (null: tracing off). */
    public static Function<String, TraceSink> in(String traceDir) {
        return traceDir == null ? id -> TraceSink.NONE : id -> open(traceDir, id);
    }

    /** One JSON-lines file per node in {@code traceDir} (format: trace-checker/README.md). */
    public static TraceSink open(String traceDir, String nodeId) {
        return new cluster.trace.JsonLinesTraceSink(java.nio.file.Path.of(traceDir), nodeId);
    }
}
