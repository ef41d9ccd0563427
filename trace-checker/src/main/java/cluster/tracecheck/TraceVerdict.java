package cluster.tracecheck;

/**
 * The result of checking a trace directory.
 *
 * @param kind    conforms, does not conform, malformed (or incomplete) trace, or the checker itself failed
 * @param events  traced events read (0 if the trace could not be read)
 * @param seconds wall time of the whole check
 * @param message the one-line verdict, e.g. {@code conforms: 812 events in 4.1 s}
 * @param details what a person needs to see the problem: the event, the spec state before it, what differs
 * @param report  the Markdown report written beside the trace, or null
 */
public record TraceVerdict(Kind kind, long events, double seconds, String message, String details, java.nio.file.Path report) {
    public enum Kind {
        CONFORMS(0), VIOLATION(1), MALFORMED(2), ERROR(3);

        public final int exitCode;

        Kind(int exitCode) {
            this.exitCode = exitCode;
        }
    }

    public int exitCode() {
        return kind.exitCode;
    }

    public boolean conforms() {
        return kind == Kind.CONFORMS;
    }

    TraceVerdict withReport(java.nio.file.Path file) {
        return new TraceVerdict(kind, events, seconds, message, details, file);
    }
}
