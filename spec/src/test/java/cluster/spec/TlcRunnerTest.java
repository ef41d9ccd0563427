package cluster.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Forks the real TLC on the toy spec, one worker per run. */
class TlcRunnerTest {

    @Test
    void passingModel() {
        TlcResult r = Toy.run("pass");
        assertEquals(TlcOutcome.OK, r.outcome(), r::describe);
        assertEquals(0, r.exitCode());
        assertEquals(12, r.distinctStates());
        assertEquals(22, r.statesGenerated());
        assertEquals(5, r.depth());
        assertTrue(r.trace().isEmpty());
        assertTrue(r.seconds() > 0);
    }

    @Test
    void invariantViolatedAtDepthThree() {
        TlcResult r = Toy.run("invariant");
        assertEquals(TlcOutcome.INVARIANT_VIOLATED, r.outcome(), r::describe);
        assertEquals("BelowThree", r.violatedName());
        assertEquals(12, r.exitCode());
        assertEquals(7, r.distinctStates());
        assertEquals(4, r.depth());
        assertEquals(List.of("Initial predicate", "Inc", "Inc", "Inc"), r.trace().stream().map(TraceStep::action).toList());
        assertEquals("3", r.trace().get(3).variables().get("x"));
        assertEquals("<<0, 1, 2>>", r.trace().get(3).variables().get("hist"));
        String printed = CounterexamplePrinter.format(r);
        assertTrue(printed.startsWith("Counterexample (4 states), invariant BelowThree is violated:\n"
                + "State 1: Initial predicate\n"
                + "    owner = (p1 :> \"none\" @@ p2 :> \"none\")\n"
                + "    x = 0\n"
                + "    hist = <<>>\n"
                + "State 2: Inc  (Counter:13)\n"
                + "    owner[p1]: \"none\" -> \"held\"\n"
                + "    x: 0 -> 1\n"
                + "    hist: appended 0\n"), printed);
        assertTrue(printed.endsWith("State 4: Inc  (Counter:13)\n    x: 2 -> 3\n    hist: appended 2\n"), printed);
    }

    @Test
    void livenessViolationLoopsBack() {
        TlcResult r = Toy.run("liveness");
        assertEquals(TlcOutcome.PROPERTY_VIOLATED, r.outcome(), r::describe);
        assertEquals(13, r.exitCode());
        assertNull(r.violatedName());
        assertEquals(5, r.trace().size());
        assertEquals(TraceEnd.loopTo(1, "Reset"), r.traceEnd());
        assertTrue(CounterexamplePrinter.format(r).endsWith("Then: Reset leads back to state 1, and the loop repeats forever\n"));
    }

    @Test
    void livenessViolationStutters() {
        TlcResult r = Toy.run("stuttering");
        assertEquals(TlcOutcome.PROPERTY_VIOLATED, r.outcome(), r::describe);
        assertEquals(TraceEnd.STUTTERING, r.traceEnd());
        assertEquals(4, r.trace().size());
    }

    @Test
    void actionPropertyIsNamed() {
        TlcResult r = Toy.run("action");
        assertEquals(TlcOutcome.PROPERTY_VIOLATED, r.outcome(), r::describe);
        assertEquals("NeverDecreases", r.violatedName());
        assertEquals("Reset", r.trace().get(r.trace().size() - 1).action());
    }

    @Test
    void deadlockAndAssumption() {
        TlcResult dead = Toy.run("deadlock");
        assertEquals(TlcOutcome.DEADLOCK, dead.outcome(), dead::describe);
        assertEquals("4", dead.trace().get(dead.trace().size() - 1).variables().get("x"));
        // -deadlock turns the check off; then the same model passes.
        TlcResult unchecked = Tlc.run(Toy.dir(), new TlcOptions().model("deadlock").checkDeadlock(false));
        assertEquals(TlcOutcome.OK, unchecked.outcome(), unchecked::describe);

        TlcResult assume = Toy.run("assumption");
        assertEquals(TlcOutcome.ASSUMPTION, assume.outcome(), assume::describe);
        assertEquals(10, assume.exitCode());
    }

    @Test
    void configErrorIsReportedWithTlcsMessage() {
        TlcResult r = Toy.run("badconfig");
        assertEquals(TlcOutcome.ERROR, r.outcome(), r::describe);
        assertEquals(151, r.exitCode());
        assertTrue(r.errorText().contains("The invariant NoSuchInvariant specified in the configuration file"), r.errorText());
    }

    @Test
    void simulation() {
        TlcResult ok = Toy.run("simulate");
        assertEquals(TlcOutcome.OK, ok.outcome(), ok::describe);
        assertEquals(12, ok.depth(), "the depth bound from the model's mode line");
        assertTrue(ok.statesGenerated() > 0, ok::describe);
        assertTrue(ok.output().stream().anyMatch(l -> l.startsWith("Running Random Simulation")));

        TlcResult bad = Tlc.run(Toy.dir(), TlcOptions.forModel(ModelInfo.find(Toy.dir(), "simulate-violation").orElseThrow())
                .seed(7).timeout(Duration.ofSeconds(60)));
        assertEquals(TlcOutcome.INVARIANT_VIOLATED, bad.outcome(), bad::describe);
        assertEquals("BelowThree", bad.violatedName());
        assertEquals("3", bad.trace().get(bad.trace().size() - 1).variables().get("x"));
    }

    @Test
    void timeoutStopsTlcAndTheWorkingCopyIsRemoved() {
        AtomicReference<Path> work = new AtomicReference<>();
        TlcResult r = Tlc.run(Toy.dir(), new TlcOptions().model("huge").timeout(Duration.ofSeconds(3)), new TlcListener() {
            @Override public void started(List<String> command, Path workDir) {
                work.set(workDir);
                assertTrue(command.containsAll(List.of("-XX:+UseParallelGC", "-Xss16m", "tlc2.TLC", "MC")), command::toString);
            }
        });
        assertEquals(TlcOutcome.TIMEOUT, r.outcome(), r::describe);
        assertEquals(-1, r.exitCode());
        assertTrue(r.seconds() >= 3 && r.seconds() < 30, r::summary);
        assertFalse(Files.exists(work.get()), "the temporary working copy is deleted");
    }

    @Test
    void editsGoToTheWorkingCopyOnly() throws Exception {
        Path module = Toy.dir().resolve("Counter.tla");
        String before = Files.readString(module);
        String cfg = "CONSTANTS Max = 2 Procs = {p1}\nSPECIFICATION Spec\nINVARIANT TypeOK\n";
        TlcResult r = Tlc.run(Toy.dir(), new TlcOptions().model("edited").configText(cfg)
                .replaceFile("Counter.tla", before.replace("x' = x + 1", "x' = x + 2")));
        assertEquals(TlcOutcome.INVARIANT_VIOLATED, r.outcome(), r::describe);
        assertEquals("TypeOK", r.violatedName());
        assertEquals(before, Files.readString(module));
        assertFalse(Files.exists(Toy.dir().resolve("models/edited.generated.cfg")));
    }

    @Test
    void badRequestsFailBeforeForking() {
        var missing = assertThrows(IllegalArgumentException.class, () -> Tlc.run(Toy.dir(), new TlcOptions().model("nope")));
        assertTrue(missing.getMessage().contains("nope.cfg"), missing.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tlc.run(Toy.dir(), new TlcOptions().model("pass").simulate(true)));
    }
}
