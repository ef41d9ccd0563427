package cluster.worker;

import cluster.messages.ExecutorState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A state report not yet acknowledged by a master (an element of spec {@code wReports[w]}); it is sent
 * again until an ExecutorStateChangedAck for the same (app, id, state) arrives.
 *
 * @param exitStatus the process exit code, null if it did not exit (not part of the spec record)
 */
public record PendingReport(String appId, int execId, ExecutorState state, boolean driverGone, Integer exitStatus) {

    /** The spec's {@code normal}: only FAILED is an abnormal end (it counts against the app's retry budget). */
    public boolean normal() {
        return state != ExecutorState.FAILED;
    }

    /** The timer key and identity of the report: {@code appId/execId/STATE}. */
    String key() {
        return appId + "/" + execId + "/" + state;
    }

    Map<String, Object> specValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("app", appId);
        value.put("id", execId);
        value.put("state", state.name());
        value.put("normal", normal());
        value.put("driverGone", driverGone);
        return value;
    }
}
