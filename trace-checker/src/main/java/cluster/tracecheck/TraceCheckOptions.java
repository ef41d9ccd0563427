package cluster.tracecheck;

import java.time.Duration;

/**
 * Settings of the masters that the trace does not show, and limits of the check.
 *
 * @param defaultCores       the masters' spark.deploy.defaultCores (Integer.MAX_VALUE: unlimited, the default)
 * @param maxExecutorRetries the masters' spark.deploy.maxExecutorRetries (default 10)
 * @param timeout            TLC is stopped after this long
 * @param progress           where progress lines go (null: nowhere)
 */
public record TraceCheckOptions(long defaultCores, int maxExecutorRetries, Duration timeout,
                                java.util.function.Consumer<String> progress) {
    public static TraceCheckOptions defaults() {
        return new TraceCheckOptions(Integer.MAX_VALUE, 10, Duration.ofMinutes(30), null);
    }

    public TraceCheckOptions withProgress(java.util.function.Consumer<String> sink) {
        return new TraceCheckOptions(defaultCores, maxExecutorRetries, timeout, sink);
    }

    public TraceCheckOptions withMasterSettings(long cores, int retries) {
        return new TraceCheckOptions(cores, retries, timeout, progress);
    }

    public TraceCheckOptions withTimeout(Duration t) {
        return new TraceCheckOptions(defaultCores, maxExecutorRetries, t, progress);
    }
}
