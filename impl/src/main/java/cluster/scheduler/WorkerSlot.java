package cluster.scheduler;

import java.util.Objects;

/**
 * A registered worker as one scheduling pass sees it (Spark's WorkerInfo: state, coresFree, memoryFree).
 * The position of a slot in the list given to {@link Scheduler#schedule} is its registration order,
 * which breaks ties between workers with the same number of free cores.
 *
 * <p>Free amounts may be zero or even negative (Spark frees a killed executor's resources at once, so a
 * worker can be briefly oversubscribed); such a worker is simply not usable.
 */
public record WorkerSlot(String workerId, boolean alive, int coresFree, int memoryFreeMb) {
    public WorkerSlot {
        Objects.requireNonNull(workerId, "workerId");
    }

    public static WorkerSlot alive(String workerId, int coresFree, int memoryFreeMb) {
        return new WorkerSlot(workerId, true, coresFree, memoryFreeMb);
    }
}
