package cluster.trace;

/**
 * Where a node's runtime puts its trace entries, one call per traced step, in sequence order. The file
 * implementation writes one JSON line per entry (format in trace-checker/README.md).
 */
public interface TraceSink extends AutoCloseable {

    /** A sink that keeps nothing: tracing off. */
    TraceSink NONE = new TraceSink() {
        @Override
        public void append(TraceEntry entry) {
        }

        @Override
        public void close() {
        }
    };

    void append(TraceEntry entry);

    /** Flushes and closes; entries appended so far are complete on disk. */
    @Override
    void close();
}
