package cluster.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CounterexamplePrinterTest {

    private static TraceStep step(int n, String action, String... nameValue) {
        Map<String, String> vars = new LinkedHashMap<>();
        for (int i = 0; i < nameValue.length; i += 2) vars.put(nameValue[i], nameValue[i + 1]);
        return new TraceStep(n, action, "line " + (n + 10) + ", col 1 to line 9, col 2 of module Toy", vars);
    }

    private static List<String> changes(String old, String now) {
        return CounterexamplePrinter.changes(step(1, "A", "v", old), step(2, "B", "v", now));
    }

    @Test
    void firstStateInFullThenOnlyWhatChanged() {
        List<TraceStep> trace = List.of(
                step(1, "Initial predicate", "owner", "(p1 :> \"none\" @@ p2 :> \"none\")", "x", "0", "hist", "<<>>"),
                step(2, "Inc", "owner", "(p1 :> \"held\" @@ p2 :> \"none\")", "x", "1", "hist", "<<0>>"),
                step(3, "Noop", "owner", "(p1 :> \"held\" @@ p2 :> \"none\")", "x", "1", "hist", "<<0>>"));
        assertEquals("""
                State 1: Initial predicate  (Toy:11)
                    owner = (p1 :> "none" @@ p2 :> "none")
                    x = 0
                    hist = <<>>
                State 2: Inc  (Toy:12)
                    owner[p1]: "none" -> "held"
                    x: 0 -> 1
                    hist: appended 0
                State 3: Noop  (Toy:13)
                    (no variable changed)
                Then: Inc leads back to state 2, and the loop repeats forever
                """, CounterexamplePrinter.format(trace, TraceEnd.loopTo(2, "Inc")));
    }

    @Test
    void recordsAndNestedFunctionsAreDiffedByKey() {
        assertEquals(List.of("v[w1].state: \"ALIVE\" -> \"DEAD\"", "v[w1].cores: 4 -> 0"),
                changes("(w1 :> [state |-> \"ALIVE\", cores |-> 4] @@ w2 :> [state |-> \"ALIVE\", cores |-> 2])",
                        "(w1 :> [state |-> \"DEAD\", cores |-> 0] @@ w2 :> [state |-> \"ALIVE\", cores |-> 2])"));
        assertEquals(List.of("v[w3] (new) = 1", "v[w1] removed"), changes("(w1 :> 1 @@ w2 :> 1)", "(w2 :> 1 @@ w3 :> 1)"));
    }

    @Test
    void setsShowAddedAndRemovedElements() {
        assertEquals(List.of("v += [type |-> \"Launch\", to |-> w2]", "v -= [type |-> \"Register\", from |-> w1]"),
                changes("{[type |-> \"Register\", from |-> w1], [type |-> \"Heartbeat\", from |-> w1]}",
                        "{[type |-> \"Heartbeat\", from |-> w1], [type |-> \"Launch\", to |-> w2]}"));
        assertEquals(List.of("v += 3", "v += 4"), changes("{1, 2}", "{1, 2, 3, 4}"));
    }

    @Test
    void sequences() {
        assertEquals(List.of("v: appended 3, 4"), changes("<<1, 2>>", "<<1, 2, 3, 4>>"));
        assertEquals(List.of("v: removed head 1"), changes("<<1, 2>>", "<<2>>"));
        assertEquals(List.of("v[2]: 2 -> 5"), changes("<<1, 2>>", "<<1, 5>>"));
        assertEquals(List.of("v: <<1, 2, 3>> -> <<4>>"), changes("<<1, 2, 3>>", "<<4>>"));
    }

    @Test
    void atomsAndValueShapeChangesPrintOldAndNew() {
        assertEquals(List.of("v: None -> m1"), changes("None", "m1"));
        assertEquals(List.of("v: \"a, b\" -> <<>>"), changes("\"a, b\"", "<<>>"));
    }

    @Test
    void wrappingAndSpacingDoNotCountAsChange() {
        assertEquals(List.of(), changes("<< [a |-> 1],\n   [a |-> 2] >>", "<<[a |-> 1], [a |-> 2]>>"));
    }

    @Test
    void tlaValuesParseStructurally() {
        TlaValue v = TlaValue.parse("[m |-> (w1 :> <<1, \"x]>>\">>), s |-> {}, t |-> \"|->\"]");
        assertEquals("[m |-> (w1 :> <<1, \"x]>>\">>), s |-> {}, t |-> \"|->\"]", v.toString());
        TlaValue.Record r = (TlaValue.Record) v;
        assertEquals(List.of("m", "s", "t"), List.copyOf(r.fields().keySet()));
        assertEquals(TlaValue.Function.class, r.fields().get("m").getClass());
        assertEquals(new TlaValue.Set(List.of()), r.fields().get("s"));
        // Two parenthesised parts side by side are no single function value.
        assertEquals(TlaValue.Atom.class, TlaValue.parse("(a :> 1) @@ (b :> 2)").getClass());
    }

    @Test
    void longValuesInTheFirstStateAreBrokenOverLines() {
        String workers = "(w1 :> [state |-> \"ALIVE\", cores |-> 4, memory |-> 1024, executors |-> {}] @@ "
                + "w2 :> [state |-> \"ALIVE\", cores |-> 4, memory |-> 1024, executors |-> {}])";
        String printed = CounterexamplePrinter.format(List.of(step(1, "Initial predicate", "workers", workers)), TraceEnd.FINITE);
        assertEquals("""
                State 1: Initial predicate  (Toy:11)
                    workers = (
                        w1 :> [state |-> "ALIVE", cores |-> 4, memory |-> 1024, executors |-> {}] @@
                        w2 :> [state |-> "ALIVE", cores |-> 4, memory |-> 1024, executors |-> {}]
                    )
                """, printed);
    }
}
