package cluster.cli;

import cluster.runtime.SparkSizes;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** In-process checks of {@code plan}'s flags and output; the e2e PlanCommandTest runs the real bin/cluster. */
class PlanCommandParsingTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new PlanCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void printsThePlanAsJson() {
        assertEquals(0, run("--worker", "10:4096", "--worker", "10:4g", "--total-executor-cores", "10", "--json"));
        assertEquals("{\"coresPerWorker\":[5,5],\"executors\":[{\"worker\":0,\"cores\":5,\"memoryMb\":1024},"
                + "{\"worker\":1,\"cores\":5,\"memoryMb\":1024}]}\n", out.toString());
    }

    @Test
    void fixedSizeExecutorsWithoutSpreadOut() {
        assertEquals(0, run("--worker", "4:8g", "--worker", "8:8g", "--executor-cores", "2", "--executor-memory", "2g",
                "--total-executor-cores", "6", "--spread-out", "false", "--json"));
        // Sorted by free cores: the 8-core worker (index 1) is filled first.
        assertEquals("{\"coresPerWorker\":[0,6],\"executors\":[{\"worker\":1,\"cores\":2,\"memoryMb\":2048},"
                + "{\"worker\":1,\"cores\":2,\"memoryMb\":2048},{\"worker\":1,\"cores\":2,\"memoryMb\":2048}]}\n", out.toString());
    }

    @Test
    void defaultCoresCapsAnAppWithoutTotalExecutorCores() {
        assertEquals(0, run("--worker", "10:4096", "--worker", "10:4096", "--default-cores", "3", "--json"));
        assertTrue(out.toString().startsWith("{\"coresPerWorker\":[2,1]"), out.toString());
    }

    @Test
    void tableOutputListsWorkersAndExecutors() {
        assertEquals(0, run("--worker", "10:4096", "--executor-limit", "1"));
        assertTrue(out.toString().contains("1 executors, 10 cores"), out.toString());
    }

    @Test
    void badValuesExitTwoNamingTheFlag() {
        assertBad("--worker", "--worker", "ten:4096");
        assertBad("--worker", "--worker", "-1:4096");
        assertBad("--worker", "--worker", "10");
        assertBad("--worker", "--worker", "10:4x");
        assertBad("--spread-out", "--worker", "10:4096", "--spread-out", "maybe");
        assertBad("--executor-cores", "--worker", "10:4096", "--executor-cores", "0");
        assertBad("--executor-cores", "--worker", "10:4096", "--executor-cores", "-3");
        assertBad("--executor-memory", "--worker", "10:4096", "--executor-memory", "1.5g");
        assertBad("--executor-limit", "--worker", "10:4096", "--executor-limit", "-1");
        assertBad("--worker", "--json");
    }

    private void assertBad(String flag, String... args) {
        err.getBuffer().setLength(0);
        assertEquals(2, run(args), String.join(" ", args));
        assertTrue(err.toString().contains(flag), "message should name " + flag + ": " + err);
    }

    @Test
    void sparkSizesFollowByteStringAsMb() {
        assertEquals(1024, SparkSizes.toMb("1g"));
        assertEquals(1024, SparkSizes.toMb("1G"));
        assertEquals(1024, SparkSizes.toMb("1024"));
        assertEquals(512, SparkSizes.toMb("512m"));
        assertEquals(0, SparkSizes.toMb("512k"));
        assertEquals(2, SparkSizes.toMb("2048kb"));
        assertEquals(1, SparkSizes.toMb("1048576b"));
        assertEquals(2L << 20, SparkSizes.toMb("2t"));
        assertThrows(IllegalArgumentException.class, () -> SparkSizes.toMb("1.5g"));
        assertThrows(IllegalArgumentException.class, () -> SparkSizes.toMb("-1g"));
        assertThrows(IllegalArgumentException.class, () -> SparkSizes.toMb("99999999999999999999"));
        assertThrows(IllegalArgumentException.class, () -> SparkSizes.toMb("99999999999p"));
    }
}
