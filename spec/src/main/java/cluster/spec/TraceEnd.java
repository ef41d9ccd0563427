package cluster.spec;

/**
 * How a counterexample ends. Safety traces simply stop; a temporal counterexample is an infinite behaviour that
 * either stutters forever after the last state or loops back to an earlier one.
 *
 * @param loopBackTo the state number the behaviour returns to (only for {@link Kind#LOOP})
 * @param action     the action that closes the loop (only for {@link Kind#LOOP})
 */
public record TraceEnd(Kind kind, int loopBackTo, String action) {
    public enum Kind { FINITE, STUTTERING, LOOP }

    public static final TraceEnd FINITE = new TraceEnd(Kind.FINITE, 0, "");
    public static final TraceEnd STUTTERING = new TraceEnd(Kind.STUTTERING, 0, "");

    public static TraceEnd loopTo(int state, String action) {
        return new TraceEnd(Kind.LOOP, state, action);
    }
}
