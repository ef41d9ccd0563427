package cluster.driver;

import java.util.Set;
import java.util.TreeSet;

/**
 * The driver's protocol state: spec {@code dState} ({@link #phase()}), {@code dMaster} ({@link #master()}),
 * {@code dEpoch} ({@link #epochFloor()}), {@code dExecs} ({@link #executors()}); plus the app id the
 * master gave (the spec names the app by the driver, so it has no variable for it).
 */
public final class DriverState {

    /** REGISTERING: waiting for a master; REGISTERED: following one; DONE: the app ended (for good). */
    public enum Phase { REGISTERING, REGISTERED, DONE }

    Phase phase = Phase.REGISTERING;
    String master;
    long epochFloor;
    final Set<Integer> executors = new TreeSet<>();
    String appId;
    boolean masterConnectionLost;

    public Phase phase() {
        return phase;
    }

    public String master() {
        return master;
    }

    public long epochFloor() {
        return epochFloor;
    }

    /** Executors registered with this driver (it counts only those that really started and registered). */
    public Set<Integer> executors() {
        return Set.copyOf(executors);
    }

    public String appId() {
        return appId;
    }
}
