package cluster.sim;

/**
 * A property of the spec that a run broke.
 *
 * @param property the spec's name for it (e.g. {@code FencingRespected}); {@code CoreCrash} when a core threw
 * @param step     the step after which it was seen (for liveness: the last step of the run)
 */
public record Violation(Kind kind, String property, String detail, long step, long timeMs) {

    /** Safety: seen after a step; liveness: not reached after the faults healed; crash: a core threw. */
    public enum Kind { SAFETY, LIVENESS, CRASH }

    @Override
    public String toString() {
        return property + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ", step " + step + ", t=" + timeMs
                + " ms): " + detail;
    }
}
