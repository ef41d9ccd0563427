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

    public static TraceSink open(String traceDir, String nodeId) {
        // The file format lives with the trace checker; until it is wired in, tracing is refused, not faked.
        throw new UnsupportedOperationException("tracing to " + traceDir + " is not available yet");
    }
}
