package cluster.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The mutation machinery of {@link MutationTest}, run on the toy spec and its mutations in toy-mutations/. */
class ToyMutationTest {

    @TestFactory
    Stream<DynamicTest> toyMutationsAreCaught() {
        return MutationTests.forDirectory(Toy.dir(), Toy.mutations(), "Counter.tla");
    }

    @Test
    void factoryNamesOneTestPerModelAndPerMutation() {
        List<String> names = MutationTests.forDirectory(Toy.dir(), Toy.mutations(), "Counter.tla")
                .map(DynamicTest::getDisplayName).toList();
        assertEquals(List.of("unmutated spec satisfies [TypeOK, EventuallyMax] under model mutants",
                "HistoryNotRecorded violates TypeOK", "IncPastMax violates TypeOK", "NoFairness violates EventuallyMax"), names);
    }

    @Test
    void noMutationsDirectoryMeansNoTests() {
        assertEquals(0, MutationTests.forDirectory(Toy.dir(), Toy.dir().resolve("no-such-dir"), "Counter.tla").count());
    }

    @Test
    void aHarmlessMutationIsReportedAsNotCaught() {
        Mutation harmless = Mutation.parse("Harmless", List.of("property: TypeOK", "kind: invariant", "model: mutants",
                "find: ASSUME MaxIsPositive == Max > 0", "replace: ASSUME MaxIsPositive == Max >= 1"));
        TlcResult r = new MutationCheck(Toy.dir(), "Counter.tla").runMutant(harmless);
        assertEquals(TlcOutcome.OK, r.outcome(), r::describe);
        String problem = MutationCheck.mutantProblem(harmless, r);
        assertNotNull(problem);
        assertTrue(problem.startsWith("mutation Harmless should violate invariant TypeOK under model mutants, but TLC says OK"),
                problem);
    }

    @Test
    void theWrongInvariantDoesNotCount() {
        Mutation m = Mutation.parse("Wrong", List.of("property: BelowThree", "kind: invariant", "model: mutants",
                "find: x < Max /\\ x' = x + 1", "replace: x <= Max /\\ x' = x + 1"));
        TlcResult typeOkViolated = new TlcOutputParser().finish(12, false, 1);
        assertNotNull(MutationCheck.mutantProblem(m, typeOkViolated));
    }

    @Test
    void aMutationOfTextThatIsNotThereFailsLoudly() {
        Mutation m = Mutation.parse("Stale", List.of("property: TypeOK", "kind: invariant", "model: mutants",
                "find: x < Max + 100", "replace: x"));
        var e = assertThrows(IllegalArgumentException.class, () -> new MutationCheck(Toy.dir(), "Counter.tla").runMutant(m));
        assertTrue(e.getMessage().contains("does not occur in Counter.tla"), e.getMessage());
    }
}
