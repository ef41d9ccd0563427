package cluster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** check-trace's exit codes for traces that cannot be read (no TLC run); the trace-checker tests cover verdicts. */
class CheckTraceCommandTest {
    private final StringWriter out = new StringWriter();
    @TempDir
    Path dir;

    private int run(String... args) {
        CommandLine cl = ClusterCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(new StringWriter()));
        return cl.execute(args);
    }

    @Test
    void a_torn_trace_line_is_exit_2_with_file_and_line() throws IOException {
        Files.writeString(dir.resolve("w1.trace.jsonl"), "{\"@TraceLine\":{\"node\":\"w1\",\"seq\":1");
        assertEquals(2, run("check-trace", dir.toString()));
        assertTrue(out.toString().contains("w1.trace.jsonl:1: incomplete last line"), out.toString());
        assertTrue(Files.exists(dir.resolve("trace-check.md")), "the report is written beside the trace");
    }

    @Test
    void a_missing_directory_is_exit_2() {
        assertEquals(2, run("check-trace", dir.resolve("nothing").toString()));
        assertTrue(out.toString().contains("no such trace directory"), out.toString());
    }
}
