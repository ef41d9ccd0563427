package cluster.messages;

import java.util.ArrayList;
import java.util.List;

/** Worker → master: register (at start-up and on every retry or reconnect). */
public final class RegisterWorker extends CatalogueMarshallable implements Message {
    /** The worker's stable id (the spec's worker), the same across its restarts, e.g. worker-&lt;host&gt;-&lt;port&gt;. */
    public String workerId;
    /**
     * This worker process's incarnation (the spec's {@code inc}): larger after every restart and after every
     * ReconnectWorker, so a master tells a new process from a late message of an old one.
     */
    public long incarnation;
    public String host;
    public int port;
    public int cores;
    public int memoryMb;
    /** Executors still running on this worker (empty on a fresh start). */
    public List<ExecutorDescription> executors = new ArrayList<>();

    public RegisterWorker() {
    }

    public RegisterWorker(String workerId, long incarnation, String host, int port, int cores, int memoryMb,
            List<ExecutorDescription> executors) {
        this.workerId = workerId;
        this.incarnation = incarnation;
        this.host = host;
        this.port = port;
        this.cores = cores;
        this.memoryMb = memoryMb;
        this.executors = new ArrayList<>(executors);
    }
}
