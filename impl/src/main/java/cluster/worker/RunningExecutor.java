package cluster.worker;

import cluster.core.ExecutorKey;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An executor process this worker incarnation started and that has not ended (an element of spec {@code wExecs[w]}).
 * {@code running}: it registered with its driver and this worker reported it RUNNING (WorkerReportExecutorRunning).
 */
public record RunningExecutor(String appId, int execId, int cores, int memoryMb, boolean running) {

    public ExecutorKey key() {
        return new ExecutorKey(appId, execId);
    }

    public RunningExecutor reportedRunning() {
        return new RunningExecutor(appId, execId, cores, memoryMb, true);
    }

    /** The spec record without {@code registered}, which lives in the executor process (its own core). */
    Map<String, Object> specValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("app", appId);
        value.put("id", execId);
        value.put("cores", cores);
        value.put("mem", memoryMb);
        value.put("running", running);
        return value;
    }
}
