package cluster.cli;

import cluster.spec.SpecLocation;
import cluster.tracecheck.TraceCheckOptions;
import cluster.tracecheck.TraceChecker;
import cluster.tracecheck.TraceVerdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * {@code bin/cluster check-trace DIR}: validates a run's trace files against the spec with TLC
 * ({@link TraceChecker} in the trace-checker module; the trace format is in trace-checker/README.md).
 */
@Command(name = "check-trace", mixinStandardHelpOptions = true,
        description = "Validate a run's trace directory (*.trace.jsonl, one file per node) against the TLA+ spec with TLC.",
        footer = "Exit codes: 0 conforms, 1 does not conform, 2 malformed or incomplete trace (or bad usage), "
                + "3 TLC could not check.%nA Markdown report (" + TraceChecker.REPORT_FILE + ") is written into DIR.")
public final class CheckTraceCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", description = "the trace directory of a run")
    Path dir;

    @Option(names = "--default-cores", paramLabel = "N",
            description = "the masters' spark.deploy.defaultCores (default: unlimited)")
    long defaultCores = Integer.MAX_VALUE;

    @Option(names = "--max-executor-retries", paramLabel = "N",
            description = "the masters' spark.deploy.maxExecutorRetries (default: ${DEFAULT-VALUE})")
    int maxExecutorRetries = 10;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "stop TLC after this long (default: ${DEFAULT-VALUE})")
    long timeoutSeconds = 1800;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        TraceCheckOptions options = TraceCheckOptions.defaults().withMasterSettings(defaultCores, maxExecutorRetries)
                .withTimeout(Duration.ofSeconds(timeoutSeconds)).withProgress(line -> {
                    out.println("  " + line);
                    out.flush();
                });
        TraceVerdict v = new TraceChecker(SpecLocation.specDir(), options).run(dir);
        out.println(v.message());
        if (!v.details().isEmpty()) {
            out.println(v.details());
        }
        if (v.report() != null) {
            out.println("report: " + v.report());
        }
        out.flush();
        return v.exitCode();
    }
}
