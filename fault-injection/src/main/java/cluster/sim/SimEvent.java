package cluster.sim;

import cluster.core.Input;

/**
 * Something due at a simulated time: a message delivery, a timer, a local input, or an action of the nemesis or
 * the workload. Ties in time are broken by creation order, so a run replays exactly from its seed.
 */
final class SimEvent implements Comparable<SimEvent> {
    enum Kind { DELIVER, TIMER, INPUT, ACTION }

    final long timeMs;
    final long seq;
    final Kind kind;
    /** The node it is for (null for actions). */
    final String node;
    /** The life of that node's process it is for: a restarted process does not get its predecessor's events. */
    final int life;
    final InFlight message;
    final String timerName;
    final String timerKey;
    final long timerGeneration;
    final Input input;
    final Runnable action;

    private SimEvent(long timeMs, long seq, Kind kind, String node, int life, InFlight message, String timerName,
            String timerKey, long timerGeneration, Input input, Runnable action) {
        this.timeMs = timeMs;
        this.seq = seq;
        this.kind = kind;
        this.node = node;
        this.life = life;
        this.message = message;
        this.timerName = timerName;
        this.timerKey = timerKey;
        this.timerGeneration = timerGeneration;
        this.input = input;
        this.action = action;
    }

    static SimEvent deliver(long timeMs, long seq, int life, InFlight message) {
        return new SimEvent(timeMs, seq, Kind.DELIVER, message.to(), life, message, null, null, 0, null, null);
    }

    static SimEvent timer(long timeMs, long seq, String node, int life, String name, String key, long generation) {
        return new SimEvent(timeMs, seq, Kind.TIMER, node, life, null, name, key, generation, null, null);
    }

    static SimEvent input(long timeMs, long seq, String node, int life, Input input) {
        return new SimEvent(timeMs, seq, Kind.INPUT, node, life, null, null, null, 0, input, null);
    }

    static SimEvent action(long timeMs, long seq, Runnable action) {
        return new SimEvent(timeMs, seq, Kind.ACTION, null, -1, null, null, null, 0, null, action);
    }

    /** The same event, due again at {@code newTimeMs} (a paused process gets what it missed when it resumes). */
    SimEvent at(long newTimeMs, long newSeq) {
        return new SimEvent(newTimeMs, newSeq, kind, node, life, message, timerName, timerKey, timerGeneration, input,
                action);
    }

    /** What the node is told. */
    Input asInput() {
        return switch (kind) {
            case DELIVER -> new Input.Received(message.from(), message.message());
            case TIMER -> new Input.TimerFired(timerName, timerKey);
            case INPUT -> input;
            case ACTION -> throw new IllegalStateException("an action is no input");
        };
    }

    @Override
    public int compareTo(SimEvent other) {
        int byTime = Long.compare(timeMs, other.timeMs);
        return byTime != 0 ? byTime : Long.compare(seq, other.seq);
    }
}
