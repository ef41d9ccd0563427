package cluster.tracecheck;

/** The trace shows something no run of the spec can do, found before TLC runs (e.g. a receive before its send). */
final class TraceViolation extends RuntimeException {
    TraceViolation(String message) {
        super(message);
    }
}
