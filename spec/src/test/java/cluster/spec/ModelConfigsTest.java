package cluster.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelConfigsTest {

    @Test
    void replacesAllChecksKeepingEverythingElse() {
        String cfg = """
                \\* purpose: test
                CONSTANTS
                    Max = 4
                    Procs = {p1, p2}
                SPECIFICATION Spec
                INVARIANTS TypeOK
                    BelowThree
                PROPERTY Live INVARIANT Other
                PROPERTIES
                    A B
                SYMMETRY Sym
                CHECK_DEADLOCK FALSE
                """;
        assertEquals("""
                \\* purpose: test
                CONSTANTS
                    Max = 4
                    Procs = {p1, p2}
                SPECIFICATION Spec
                SYMMETRY Sym
                CHECK_DEADLOCK FALSE

                \\* checks chosen by ModelConfigs.withOnlyChecks
                INVARIANT Inv1
                INVARIANT Inv2
                PROPERTY Prop
                """, ModelConfigs.withOnlyChecks(cfg, List.of("Inv1", "Inv2"), List.of("Prop")));
    }

    @Test
    void keywordsInsideStringsOrCommentsOrNamesAreNotKeywords() {
        String cfg = "CONSTANTS Name = \"INVARIANT X\" MY_INVARIANT = 1 \\* INVARIANT Y\nINVARIANT Z\n";
        assertEquals("CONSTANTS Name = \"INVARIANT X\" MY_INVARIANT = 1 \\* INVARIANT Y\n\n"
                + "\\* checks chosen by ModelConfigs.withOnlyChecks\nPROPERTY P\n",
                ModelConfigs.withOnlyChecks(cfg, List.of(), List.of("P")));
    }

    @Test
    void depthBoundMovesFromTheNextStateRelationToAConstraint() {
        assertEquals("CONSTANTS\n    MaxDepth = 3\nSPECIFICATION Spec\nCONSTRAINT DepthBound\nINVARIANT TypeOK\n",
                ModelConfigs.withDepthAsConstraint("CONSTANTS\n    MaxDepth = 3\nSPECIFICATION BoundedSpec\nINVARIANT TypeOK\n"));
        String unbounded = "SPECIFICATION FairSpec\nPROPERTY Live\n";
        assertEquals(unbounded, ModelConfigs.withDepthAsConstraint(unbounded));
    }

    @Test
    void modelMetadata() {
        ModelInfo sim = ModelInfo.parse(Path.of("models/s.cfg"), List.of("\\* mode: simulate depth=300 traces=50",
                "\\* purpose: first line", "\\* purpose: second line", "SPECIFICATION Spec", "\\* purpose: not metadata"));
        assertEquals(new ModelInfo("s", Path.of("models/s.cfg"), true, 300, 50L, "first line second line"), sim);
        ModelInfo plain = ModelInfo.parse(Path.of("ci.cfg"), List.of("SPECIFICATION Spec"));
        assertEquals(new ModelInfo("ci", Path.of("ci.cfg"), false, null, null, ""), plain);
    }
}
