package cluster.master;

import cluster.scheduler.AppDemand;

import java.util.Objects;

/**
 * Settings of one master, with Spark's names where Spark has them.
 *
 * @param masterId           this master's node id (RegisteredWorker/RegisteredApplication/MasterChanged carry it;
 *                           workers and drivers send to it)
 * @param masterUrl          {@code spark://host:port}, for humans and Spark-shaped messages
 * @param spreadOut          {@code spark.deploy.spreadOut}
 * @param defaultCores       {@code spark.deploy.defaultCores}: the cap of an app that sets no maxCores
 *                           ({@link AppDemand#UNLIMITED} by default)
 * @param maxExecutorRetries {@code spark.deploy.maxExecutorRetries}; negative: never fail an app for it
 * @param workerTimeoutMs    {@code spark.worker.timeout}: a worker silent this long is removed (MasterWorkerTimeout)
 * @param recoveryTimeoutMs  {@code spark.deploy.recoveryTimeout}: recovery completes at the latest after this long
 * @param commandRetryMs     how long a LaunchExecutor/KillExecutor, or the question for a registered worker's executor
 *                           list, may go unanswered before it is sent again
 */
public record MasterConfig(String masterId, String masterUrl, boolean spreadOut, int defaultCores,
                           int maxExecutorRetries, long workerTimeoutMs, long recoveryTimeoutMs, long commandRetryMs) {

    public MasterConfig {
        Objects.requireNonNull(masterId, "masterId");
        Objects.requireNonNull(masterUrl, "masterUrl");
        if (defaultCores < 1) {
            throw new IllegalArgumentException("spark.deploy.defaultCores must be at least 1: " + defaultCores);
        }
        if (workerTimeoutMs <= 0 || recoveryTimeoutMs <= 0 || commandRetryMs <= 0) {
            throw new IllegalArgumentException("timeouts must be positive");
        }
    }

    /** Spark's defaults: spread out, no default cap, 10 retries, 60 s worker and recovery timeouts. */
    public static MasterConfig defaults(String masterId, String masterUrl) {
        return new MasterConfig(masterId, masterUrl, true, AppDemand.UNLIMITED, 10, 60_000, 60_000, 10_000);
    }

    public MasterConfig withSpreadOut(boolean value) {
        return new MasterConfig(masterId, masterUrl, value, defaultCores, maxExecutorRetries, workerTimeoutMs,
                recoveryTimeoutMs, commandRetryMs);
    }

    public MasterConfig withDefaultCores(int value) {
        return new MasterConfig(masterId, masterUrl, spreadOut, value, maxExecutorRetries, workerTimeoutMs,
                recoveryTimeoutMs, commandRetryMs);
    }

    public MasterConfig withMaxExecutorRetries(int value) {
        return new MasterConfig(masterId, masterUrl, spreadOut, defaultCores, value, workerTimeoutMs,
                recoveryTimeoutMs, commandRetryMs);
    }
}
