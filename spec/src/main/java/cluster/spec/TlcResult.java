package cluster.spec;

import java.util.List;

/**
 * Everything we learn from one TLC run.
 *
 * @param outcome         how it ended
 * @param violatedName    the invariant or action property TLC names as violated, the ASSUME's location for
 *                        {@link TlcOutcome#ASSUMPTION}, else null (TLC does not name a violated temporal property)
 * @param distinctStates  distinct states found, -1 if TLC did not say (simulation, early errors)
 * @param statesGenerated states generated (simulation: states checked), -1 if unknown
 * @param depth           depth of the state graph search (simulation: the depth bound), -1 if unknown
 * @param seconds         wall time of the run as we measured it
 * @param exitCode        TLC's exit code (0 ok, 10 assumption, 11 deadlock, 12 safety, 13 liveness, 14 assert,
 *                        75-77 evaluation, 150/151/255 parse or config), or -1 if we killed it
 * @param trace           the counterexample, empty if there is none
 * @param traceEnd        how the counterexample ends
 * @param errorText       TLC's error message for {@link TlcOutcome#ERROR} (and any error text otherwise), else ""
 * @param output          TLC's complete output, line by line
 */
public record TlcResult(TlcOutcome outcome, String violatedName, long distinctStates, long statesGenerated,
                        int depth, double seconds, int exitCode, List<TraceStep> trace, TraceEnd traceEnd,
                        String errorText, List<String> output) {
    public TlcResult {
        trace = List.copyOf(trace);
        output = List.copyOf(output);
    }

    /** One line for logs and assertion messages, e.g. {@code INVARIANT_VIOLATED BelowThree (exit 12, 7 distinct states)}. */
    public String summary() {
        StringBuilder s = new StringBuilder(outcome.name());
        if (violatedName != null) s.append(' ').append(violatedName);
        s.append(" (exit ").append(exitCode);
        if (distinctStates >= 0) s.append(", ").append(distinctStates).append(" distinct states");
        if (depth >= 0) s.append(", depth ").append(depth);
        s.append(String.format(java.util.Locale.ROOT, ", %.1f s)", seconds));
        return s.toString();
    }

    /** The summary plus, when there is one, the readable counterexample or the error text: for failure messages. */
    public String describe() {
        StringBuilder s = new StringBuilder(summary()).append('\n');
        if (!trace.isEmpty()) s.append(CounterexamplePrinter.format(this));
        if (!errorText.isEmpty()) s.append(errorText).append('\n');
        return s.toString();
    }
}
