package cluster.worker;

import java.util.List;
import java.util.Objects;

/**
 * Settings of one worker.
 *
 * @param workerId            the worker's stable id and node id (the spec's worker), the same across restarts
 * @param host                where executors of this worker run ({{HOSTNAME}})
 * @param port                the worker's port ({{WORKER_URL}} is spark://host:port)
 * @param cores               cores offered to executors
 * @param memoryMb            memory offered to executors
 * @param masters             node ids of every configured master; registration goes to all of them
 * @param registrationRetryMs how long an unanswered registration waits before it is sent again
 * @param masterLossGraceMs   how long after its master's connection closed the worker gives up on that master
 * @param heartbeatMs         heartbeat period (Spark: worker timeout / 4)
 * @param reportRetryMs       how long an unacknowledged ExecutorStateChanged waits before it is sent again
 */
public record WorkerConfig(String workerId, String host, int port, int cores, int memoryMb, List<String> masters,
                           long registrationRetryMs, long masterLossGraceMs, long heartbeatMs, long reportRetryMs) {

    public WorkerConfig {
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(host, "host");
        masters = List.copyOf(masters);
        if (masters.isEmpty()) {
            throw new IllegalArgumentException("a worker needs at least one master");
        }
        if (cores < 0 || memoryMb < 0) {
            throw new IllegalArgumentException("negative resources");
        }
        if (registrationRetryMs <= 0 || masterLossGraceMs <= 0 || heartbeatMs <= 0 || reportRetryMs <= 0) {
            throw new IllegalArgumentException("periods must be positive");
        }
    }

    /** Spark-like periods: registration retried every 10 s, heartbeats every 15 s, reports retried every 10 s. */
    public static WorkerConfig defaults(String workerId, String host, int port, int cores, int memoryMb,
            List<String> masters) {
        return new WorkerConfig(workerId, host, port, cores, memoryMb, masters, 10_000, 10_000, 15_000, 10_000);
    }

    public String workerUrl() {
        return "spark://" + host + ":" + port;
    }
}
