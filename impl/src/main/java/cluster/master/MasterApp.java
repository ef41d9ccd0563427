package cluster.master;

import cluster.core.AppRecord;
import cluster.messages.ApplicationDescription;
import cluster.messages.ApplicationState;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An application in the leader's books (spec {@code mApps[m][a]}: state, nextExecId, target, retries).
 * Its state is UNKNOWN (recovered, not yet heard from), WAITING, RUNNING or FINISHED (a tombstone).
 */
public final class MasterApp {
    final String appId;
    final String registrationKey;
    final String driverNode;
    final ApplicationDescription description;
    ApplicationState state;
    int nextExecId;
    int target;
    int retries;
    /** Why the app was removed, while its driver must still hear ApplicationRemoved; null otherwise (not in the spec's books). */
    String removedBecause;

    MasterApp(AppRecord record, ApplicationState state) {
        this.appId = record.appId();
        this.registrationKey = record.registrationKey();
        this.driverNode = record.driverNode();
        this.description = record.description();
        this.state = state;
        this.nextExecId = record.nextExecId();
        this.target = record.target();
        this.retries = 0;
    }

    /** The spec's ActiveAppStates: UNKNOWN, WAITING, RUNNING. */
    boolean active() {
        return state == ApplicationState.UNKNOWN || state == ApplicationState.WAITING || state == ApplicationState.RUNNING;
    }

    /** WAITING or RUNNING: scheduled, and answered again on a duplicate registration. */
    boolean registered() {
        return state == ApplicationState.WAITING || state == ApplicationState.RUNNING;
    }

    public String appId() {
        return appId;
    }

    public String registrationKey() {
        return registrationKey;
    }

    public String driverNode() {
        return driverNode;
    }

    public ApplicationDescription description() {
        return description;
    }

    public ApplicationState state() {
        return state;
    }

    public int nextExecId() {
        return nextExecId;
    }

    public int target() {
        return target;
    }

    public int retries() {
        return retries;
    }

    Map<String, Object> specValue() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("state", state.name());
        value.put("nextExecId", nextExecId);
        value.put("target", target);
        value.put("retries", retries);
        return value;
    }
}
