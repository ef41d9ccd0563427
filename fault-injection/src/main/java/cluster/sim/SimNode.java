package cluster.sim;

import cluster.core.Effect;
import cluster.core.Input;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One simulated process slot: a node id whose process may die and start again (each start is a new life with a
 * new core), be paused, and own timers. What a node is told goes through {@link #step}; the simulator carries out
 * the effects.
 */
abstract class SimNode {
    enum Role { MASTER, WORKER, DRIVER, EXECUTOR }

    final String id;
    final Role role;
    /** Counts starts of this node's process; events meant for an earlier life are dropped. */
    int life;
    boolean alive;
    boolean paused;
    /** Events that came while paused, in the order they came. */
    final List<SimEvent> held = new ArrayList<>();
    /** Pending timers: name and key → generation of the latest SetTimer (a newer one replaces it). */
    final Map<String, Long> timers = new HashMap<>();
    /** Per-sender message ids. */
    long nextMsgId;
    /** Traced steps so far (the trace's per-node sequence number). */
    long traceSeq;
    /** Vector clock, kept only while tracing. */
    Map<String, Long> clock;

    SimNode(String id, Role role) {
        this.id = id;
        this.role = role;
    }

    abstract List<Effect> step(Input input, long nowMs);

    /** The process dies: a new life starts only with {@link #startLife}. */
    void die() {
        alive = false;
        paused = false;
        held.clear();
        timers.clear();
    }

    void startLife() {
        life++;
        alive = true;
        paused = false;
        held.clear();
        timers.clear();
    }

    static String timerId(String name, String key) {
        return key.isEmpty() ? name : name + '\u0000' + key;
    }
}
