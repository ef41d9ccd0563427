package cluster.messages;

import java.util.ArrayList;
import java.util.List;

/** Master → status client: a snapshot for the status page and the JSON endpoint. */
public final class MasterStateResponse extends CatalogueMarshallable implements Message {
    public String masterId;
    public RecoveryState status;
    /** The master's current leader term (0 if it never led). */
    public long epoch;
    public List<WorkerSummary> workers = new ArrayList<>();
    public List<ApplicationSummary> apps = new ArrayList<>();
    public List<ExecutorSummary> executors = new ArrayList<>();

    public MasterStateResponse() {
    }

    public MasterStateResponse(String masterId, RecoveryState status, long epoch, List<WorkerSummary> workers,
            List<ApplicationSummary> apps, List<ExecutorSummary> executors) {
        this.masterId = masterId;
        this.status = status;
        this.epoch = epoch;
        this.workers = new ArrayList<>(workers);
        this.apps = new ArrayList<>(apps);
        this.executors = new ArrayList<>(executors);
    }
}
