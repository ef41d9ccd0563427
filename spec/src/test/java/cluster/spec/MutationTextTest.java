package cluster.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The .mut format and the applier, without TLC. */
class MutationTextTest {
    private static final String MODULE = "a == 1\nb == a + 1\nc == b + 1\n";

    private static Mutation mutation(String... findReplace) {
        StringBuilder text = new StringBuilder("# comment\nproperty: Inv\nkind: invariant\nmodel: mutants\n");
        for (int i = 0; i < findReplace.length; i += 2) {
            text.append("find: ").append(findReplace[i]).append("\nreplace: ").append(findReplace[i + 1]).append('\n');
        }
        return Mutation.parse("M", text.toString().lines().toList());
    }

    @Test
    void parsesAndTrimsValues() {
        Mutation m = Mutation.parse("Foo", List.of("# why", "", "property:  WorkerCapacityRespected ", "kind: property",
                "model: mutants", "find:   x < Max  ", "replace:", "find: a: b", "replace: c"));
        assertEquals(new Mutation("Foo", "WorkerCapacityRespected", Mutation.Kind.PROPERTY, "mutants",
                List.of(new Mutation.Edit("x < Max", ""), new Mutation.Edit("a: b", "c"))), m);
    }

    @Test
    void appliesEditsInOrder() {
        // The second find only exists after the first edit: edits see the text as mutated so far.
        assertEquals("a == 1\nb == a + 2\nc == b - 1\n",
                mutation("b == a + 1", "b == a + 2", "c == b + 1", "c == b - 1").apply(MODULE, "T.tla"));
        assertEquals("a == 1\nb == 0\nc == b + 1\n", mutation("b == a + 1", "b == z", "b == z", "b == 0").apply(MODULE, "T.tla"));
    }

    @Test
    void findTextThatIsMissingFailsLoudly() {
        var e = assertThrows(IllegalArgumentException.class, () -> mutation("d == 4", "d == 5").apply(MODULE, "T.tla"));
        assertEquals("mutation M: find text 'd == 4' does not occur in T.tla; it must occur exactly once", e.getMessage());
    }

    @Test
    void findTextThatOccursTwiceFailsLoudly() {
        var e = assertThrows(IllegalArgumentException.class, () -> mutation("+ 1", "+ 2").apply(MODULE, "T.tla"));
        assertEquals("mutation M: find text '+ 1' occurs 2 times (lines [2, 3]) in T.tla; it must occur exactly once",
                e.getMessage());
    }

    @Test
    void malformedFilesAreRejected() {
        assertMessage("kind must be 'invariant' or 'property'", "property: P", "kind: safety", "model: m", "find: a", "replace: b");
        assertMessage("no property:", "kind: invariant", "model: m", "find: a", "replace: b");
        assertMessage("no model:", "property: P", "kind: invariant", "find: a", "replace: b");
        assertMessage("no find:/replace: pair", "property: P", "kind: invariant", "model: m");
        assertMessage("the last find: has no replace:", "property: P", "kind: invariant", "model: m", "find: a");
        assertMessage("line 2: replace: without a find:", "property: P", "replace: b");
        assertMessage("line 1: unknown key 'propery'", "propery: P");
        assertMessage("line 1: expected 'key: value'", "just text");
    }

    private static void assertMessage(String expected, String... lines) {
        var e = assertThrows(IllegalArgumentException.class, () -> Mutation.parse("Bad", List.of(lines)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
