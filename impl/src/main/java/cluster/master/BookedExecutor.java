package cluster.master;

import cluster.core.ExecutorKey;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An executor in the leader's books (an element of spec {@code mExecs[m]}). It holds its cores and
 * memory on its worker from the LaunchExecutor until the worker reports it gone, KILLING included, so
 * a killed executor's resources are never handed out twice.
 */
public record BookedExecutor(String appId, int execId, String workerId, int cores, int memoryMb, State state) {

    /** LAUNCHING: LaunchExecutor sent; RUNNING: the worker reported it running; KILLING: KillExecutor sent. */
    public enum State { LAUNCHING, RUNNING, KILLING }

    public BookedExecutor {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(workerId, "workerId");
        Objects.requireNonNull(state, "state");
    }

    public ExecutorKey key() {
        return new ExecutorKey(appId, execId);
    }

    public BookedExecutor withState(State newState) {
        return new BookedExecutor(appId, execId, workerId, cores, memoryMb, newState);
    }

    /** The spec record {@code [app, id, worker, cores, mem, state]}. */
    Map<String, Object> specValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("app", appId);
        value.put("id", execId);
        value.put("worker", workerId);
        value.put("cores", cores);
        value.put("mem", memoryMb);
        value.put("state", state.name());
        return value;
    }
}
