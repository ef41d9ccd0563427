package cluster.messages;

import java.util.ArrayList;
import java.util.List;

/**
 * Worker → master, right after {@link RegisteredWorker}: the executors this worker runs, so the
 * master kills those its books lack (and, while RECOVERING, adopts those of apps it knows).
 * Spark's {@code WorkerLatestState}; the spec message of the same name.
 */
public final class WorkerLatestState extends CatalogueMarshallable implements Message {
    /** The epoch of the RegisteredWorker this answers; a master of another term ignores it. */
    public long epoch;
    public String workerId;
    public long incarnation;
    public List<ExecutorDescription> executors = new ArrayList<>();

    public WorkerLatestState() {
    }

    public WorkerLatestState(long epoch, String workerId, long incarnation, List<ExecutorDescription> executors) {
        this.epoch = epoch;
        this.workerId = workerId;
        this.incarnation = incarnation;
        this.executors = new ArrayList<>(executors);
    }
}
