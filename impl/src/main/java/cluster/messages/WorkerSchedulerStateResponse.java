package cluster.messages;

import java.util.ArrayList;
import java.util.List;

/** Worker → master: reply to {@link MasterChanged} with the executors the worker runs. */
public final class WorkerSchedulerStateResponse extends CatalogueMarshallable implements Message {
    /** Leader term of the sending master; receivers refuse commands from an older epoch. */
    public long epoch;
    public String workerId;
    /** The answering worker incarnation. */
    public long incarnation;
    public List<ExecutorDescription> executors = new ArrayList<>();

    public WorkerSchedulerStateResponse() {
    }

    public WorkerSchedulerStateResponse(long epoch, String workerId, long incarnation,
            List<ExecutorDescription> executors) {
        this.epoch = epoch;
        this.workerId = workerId;
        this.incarnation = incarnation;
        this.executors = new ArrayList<>(executors);
    }
}
