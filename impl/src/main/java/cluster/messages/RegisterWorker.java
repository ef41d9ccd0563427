package cluster.messages;

import java.util.ArrayList;
import java.util.List;

/** Worker → master: register (at start-up and on every retry or reconnect). */
public final class RegisterWorker extends CatalogueMarshallable implements Message {
    /** worker-&lt;incarnation&gt;-&lt;host&gt;-&lt;port&gt;, fixed for the life of the worker process. */
    public String workerId;
    public String host;
    public int port;
    public int cores;
    public int memoryMb;
    /** Executors still running on this worker (empty on a fresh start). */
    public List<ExecutorDescription> executors = new ArrayList<>();

    public RegisterWorker() {
    }

    public RegisterWorker(String workerId, String host, int port, int cores, int memoryMb,
            List<ExecutorDescription> executors) {
        this.workerId = workerId;
        this.host = host;
        this.port = port;
        this.cores = cores;
        this.memoryMb = memoryMb;
        this.executors = new ArrayList<>(executors);
    }
}
