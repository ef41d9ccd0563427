package cluster.e2e;

import cluster.tracecheck.TraceCheckOptions;
import cluster.tracecheck.TraceChecker;
import cluster.tracecheck.TraceVerdict;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every end-to-end run's trace is validated against the spec by TLC: the implementation did only what the spec allows. */
final class Traces {
    private Traces() {
    }

    static void assertConforms(Path traceDir) {
        assertConforms(traceDir, List.of());
    }

    /** @param masterConf the masters' settings as key=value pairs: the checker must know the ones the spec has */
    static void assertConforms(Path traceDir, List<String> masterConf) {
        cluster.runtime.SparkConf conf = new cluster.runtime.SparkConf();
        masterConf.forEach(conf::setPair);
        TraceCheckOptions defaults = TraceCheckOptions.defaults();
        TraceCheckOptions options = defaults.withMasterSettings(
                conf.contains("spark.deploy.defaultCores") ? conf.getInt("spark.deploy.defaultCores", 0, 1) : defaults.defaultCores(),
                conf.getInt("spark.deploy.maxExecutorRetries", defaults.maxExecutorRetries(), -1));
        TraceVerdict verdict = new TraceChecker(cluster.spec.SpecLocation.specDir(), options).run(traceDir);
        System.out.println("trace " + traceDir + ": " + verdict.message());
        assertTrue(verdict.conforms(), verdict.message() + "\n" + verdict.details() + "\nreport: " + verdict.report());
    }
}
