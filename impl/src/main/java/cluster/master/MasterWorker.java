package cluster.master;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A worker in the leader's books (spec {@code mWorkers[m][w]}: state and incarnation). NONE keeps the
 * incarnation of a removed worker, so a late RegisterWorker of that incarnation is told to reconnect.
 */
public final class MasterWorker {

    /**
     * NONE: removed (or never known); UNKNOWN: recovered or just registered, its executor list not yet
     * received (nothing is scheduled on it); ALIVE: registered and its executors known.
     */
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
    /**
     * When the master last asked this incarnation for its executor list (MasterChanged or RegisteredWorker);
     * a heartbeat of an UNKNOWN worker asks again once this is {@code commandRetryMs} old (the spec's
     * "nothing in flight" guard of MasterHandleHeartbeat).
     */
    long lastAskedMs;

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
        this.lastAskedMs = lastHeardMs;
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
