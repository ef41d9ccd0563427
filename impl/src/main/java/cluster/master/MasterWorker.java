package cluster.master;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker in the leader's books (spec {@code mWorkers[m][w]}: state and incarnation). NONE keeps the
 * incarnation of a removed worker, so a late RegisterWorker of that incarnation is told to reconnect.
 */
public final class MasterWorker {

    /** NONE: removed (or never known); UNKNOWN: recovered, not yet heard from; ALIVE: registered. */
    public enum State { NONE, UNKNOWN, ALIVE }

    final String workerId;
    String host;
    int port;
    int cores;
    int memoryMb;
    State state;
    long incarnation;
    /** When the master last heard from this incarnation (not a spec variable: time is abstracted there). */
    long lastHeardMs;

    MasterWorker(String workerId, String host, int port, int cores, int memoryMb, State state, long incarnation,
            long lastHeardMs) {
        this.workerId = workerId;
        this.host = host;
        this.port = port;
        this.cores = cores;
        this.memoryMb = memoryMb;
        this.state = state;
        this.incarnation = incarnation;
        this.lastHeardMs = lastHeardMs;
    }

    public String workerId() {
        return workerId;
    }

    public State state() {
        return state;
    }

    public long incarnation() {
        return incarnation;
    }

    public int cores() {
        return cores;
    }

    public int memoryMb() {
        return memoryMb;
    }

    String hostPort() {
        return host + ":" + port;
    }

    Map<String, Object> specValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("state", state.name());
        value.put("inc", incarnation);
        return value;
    }
}
