package cluster.e2e;

import cluster.tracecheck.TraceChecker;
import cluster.tracecheck.TraceVerdict;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every end-to-end run's trace is validated against the spec by TLC: the implementation did only what the spec allows. */
final class Traces {
    private Traces() {
    }

    static void assertConforms(Path traceDir) {
        TraceVerdict verdict = TraceChecker.check(traceDir);
        System.out.println("trace " + traceDir + ": " + verdict.message());
        assertTrue(verdict.conforms(), verdict.message() + "\n" + verdict.details() + "\nreport: " + verdict.report());
    }
}
