package cluster.core;

import cluster.messages.ApplicationDescription;

import java.util.Objects;

/**
 * The persisted application (spec {@code storeApp[a]}: state, nextExecId, target), plus what a new
 * leader needs to talk to the driver and launch executors after failover.
 *
 * @param registrationKey the driver's own key for this app (the spec's app identity {@code a}); a
 *                        retried or re-sent RegisterApplication is matched by it
 * @param driverNode      the node the driver sends from; MasterChanged and ExecutorUpdated go there
 * @param nextExecId      executor ids below it are used; written before any LaunchExecutor with such an id leaves
 * @param target          the dynamic-allocation executor total; survives failover
 */
public record AppRecord(String appId, String registrationKey, String driverNode, ApplicationDescription description,
                        State state, int nextExecId, int target) implements PersistedRecord {

    /** ACTIVE: registered; FINISHED: a tombstone, so a late duplicate registration cannot revive the app. */
    public enum State { ACTIVE, FINISHED }

    public AppRecord {
        Objects.requireNonNull(appId, "appId");
        Objects.requireNonNull(registrationKey, "registrationKey");
        Objects.requireNonNull(driverNode, "driverNode");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(state, "state");
    }

    public static String keyOf(String appId) {
        return "app/" + appId;
    }

    @Override
    public String key() {
        return keyOf(appId);
    }

    public AppRecord withState(State newState) {
        return new AppRecord(appId, registrationKey, driverNode, description, newState, nextExecId, target);
    }

    public AppRecord withNextExecId(int newNextExecId) {
        return new AppRecord(appId, registrationKey, driverNode, description, state, newNextExecId, target);
    }

    public AppRecord withTarget(int newTarget) {
        return new AppRecord(appId, registrationKey, driverNode, description, state, nextExecId, newTarget);
    }
}
