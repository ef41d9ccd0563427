package cluster.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** check-spec end to end on the toy spec (cluster.spec.dir pointed at it for the test). */
class CheckSpecTest {
    private String savedSpecDir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    @BeforeEach
    void pointAtToy() {
        savedSpecDir = System.getProperty("cluster.spec.dir");
        System.setProperty("cluster.spec.dir", Toy.dir().toString());
    }

    @AfterEach
    void restore() {
        if (savedSpecDir == null) System.clearProperty("cluster.spec.dir");
        else System.setProperty("cluster.spec.dir", savedSpecDir);
    }

    private int run(String... args) {
        CheckSpecMain main = new CheckSpecMain();
        CommandLine cl = new CommandLine(main);
        cl.setOut(new java.io.PrintWriter(out, true));
        cl.setErr(new java.io.PrintWriter(err, true));
        main.stdout = new PrintStream(out, true, StandardCharsets.UTF_8);
        main.stderr = new PrintStream(err, true, StandardCharsets.UTF_8);
        return cl.execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void successEndsWithTheSummaryLine() {
        assertEquals(0, run("--model", "pass"), err()::toString);
        String[] lines = out().split("\n");
        assertTrue(lines[lines.length - 1].matches("distinct states: 12, depth: 5, time: \\d+\\.\\d s"), out());
        assertTrue(out().startsWith("check-spec: model pass (exhaustive, 1 worker) of "), out());
    }

    @Test
    void violationPrintsTheCounterexampleAndExitsOne() {
        assertEquals(1, run("--model", "invariant"));
        assertTrue(out().contains("VIOLATION: invariant BelowThree\n"), out());
        assertTrue(out().contains("State 4: Inc  (Counter:13)\n    x: 2 -> 3\n"), out());
    }

    @Test
    void simulationFromTheCommandLine() {
        assertEquals(0, run("--model", "pass", "--simulate", "--depth", "8", "--traces", "20", "--seed", "3"), err()::toString);
        assertTrue(out().contains("(simulation, depth 8, 20 traces, seed 3, 1 worker)"), out());
        assertTrue(out().matches("(?s).*states checked: \\d+, depth: 8, time: \\d+\\.\\d s\n"), out());
    }

    @Test
    void unknownModelAndBadFlagsExitTwo() {
        assertEquals(2, run("--model", "nosuch"));
        assertTrue(err().contains("unknown model 'nosuch'"), err());
        assertTrue(err().contains("known: action, assumption,"), err());
        assertEquals(2, run("--workers", "0"));
        assertTrue(err().contains("--workers must be at least 1"), err());
        assertEquals(2, run("--frobnicate"));
        assertTrue(err().contains("--frobnicate"), err());
        assertEquals(2, run("--depth", "deep"));
        assertTrue(err().contains("--depth"), err());
    }

    @Test
    void listModelsShowsPurposes() {
        assertEquals(0, run("--list-models"));
        assertTrue(out().matches("(?s).*\ninvariant +\\[exhaustive\\] +invariant BelowThree fails at depth 3\n.*"), out());
        assertTrue(out().matches("(?s).*\nsimulate +\\[simulate depth=12 traces=30\\] +a short simulation in which everything holds\n.*"), out());
        assertTrue(out().indexOf("\nsimulate ") < out().indexOf("\nsimulate-violation "), "sorted by name");
    }

    @Test
    void tlcErrorsExitThree() {
        assertEquals(3, run("--model", "badconfig"));
        assertTrue(err().contains("NoSuchInvariant"), err());
    }
}
