package cluster.executor;

import java.util.Objects;

/**
 * Settings of one executor process (filled in from the launch command).
 *
 * @param driverNode               the driver's node id (its scheduler endpoint)
 * @param executorUrl              where the driver reaches this executor
 * @param registrationRetryMs      how long an unanswered RegisterExecutor waits before it is sent again
 * @param maxRegistrationAttempts  after this many unanswered attempts the driver counts as gone and the process exits
 */
public record ExecutorConfig(String appId, int execId, String workerId, String hostname, int cores, String driverNode,
                             String executorUrl, long registrationRetryMs, int maxRegistrationAttempts) {

    public ExecutorConfig {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(hostname, "hostname");
        Objects.requireNonNull(driverNode, "driverNode");
        Objects.requireNonNull(executorUrl, "executorUrl");
        if (registrationRetryMs <= 0 || maxRegistrationAttempts < 1) {
            throw new IllegalArgumentException("registration retries need a positive period and at least one attempt");
        }
    }

    public static ExecutorConfig defaults(String appId, int execId, String workerId, String hostname, int cores,
            String driverNode, String executorUrl) {
        return new ExecutorConfig(appId, execId, workerId, hostname, cores, driverNode, executorUrl, 10_000, 6);
    }
}
