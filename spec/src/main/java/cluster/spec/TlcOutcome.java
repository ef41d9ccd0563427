package cluster.spec;

/** How a TLC run ended. */
public enum TlcOutcome {
    /** Model checking (or the requested simulation) finished without finding an error. */
    OK,
    /** A state invariant failed; {@link TlcResult#violatedName()} names it. */
    INVARIANT_VIOLATED,
    /** A temporal or action property failed (TLC exit 13). TLC names only action properties. */
    PROPERTY_VIOLATED,
    /** A reachable state has no successor and the config checks deadlock. */
    DEADLOCK,
    /** An ASSUME of the spec is false for the model's constants. */
    ASSUMPTION,
    /** TLC could not check: parse/config/evaluation error, Assert failure, crash. See {@link TlcResult#errorText()}. */
    ERROR,
    /** We stopped TLC at the time limit. For a simulation this is its normal end; for exhaustive checking it is not. */
    TIMEOUT;

    /** True for outcomes that are a counterexample to the spec (as opposed to "could not check"). */
    public boolean isViolation() {
        return this == INVARIANT_VIOLATED || this == PROPERTY_VIOLATED || this == DEADLOCK || this == ASSUMPTION;
    }
}
