package cluster.scheduler;

/**
 * One executor the master should launch (Spark's launchExecutor: LaunchExecutor to the worker,
 * ExecutorAdded to the driver).
 *
 * @param workerIndex position of the worker in the list given to {@link Scheduler#schedule}
 */
public record PlannedExecutor(String appId, int workerIndex, String workerId, int cores, int memoryMb) {
}
