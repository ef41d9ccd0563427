package cluster.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-process checks of {@code campaign}'s flags, exit codes, output and report. */
class CampaignCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = ClusterCommand.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        return cl.execute(args);
    }

    @Test
    void a_campaign_without_violations_prints_progress_and_a_summary_and_exits_0() {
        assertEquals(0, run("campaign", "--mode", "sim", "--seed", "1000", "--runs", "4", "--nemesis", "none",
                "--threads", "1", "--trace-every", "0"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("4/4 runs"), text);
        assertTrue(text.contains("traces validated: 0"), text);
        assertTrue(text.contains("runs:        4"), text);
        assertTrue(text.contains("violations:  0"), text);
        assertTrue(text.contains("runs/min") && text.contains("steps/s"), text);
    }

    @Test
    void a_caught_variant_exits_1_naming_the_property_with_the_replay_command_and_a_report(@TempDir Path dir)
            throws Exception {
        Path report = dir.resolve("campaign.html");
        assertEquals(1, run("campaign", "--seed", "1", "--runs", "2", "--variant", "recovery-forgets-executor-ids",
                "--report", report.toString(), "--trace-every", "0"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("VIOLATION seed 1: ExecutorIdsAhead"), text);
        assertTrue(text.contains("replay: bin/cluster campaign --mode sim --seed 1 --runs 1 --steps 500"), text);
        assertTrue(text.contains("shortest failing prefix of seed 1"), text);
        assertTrue(java.util.regex.Pattern.compile("faults: +\\d+ injected: [a-z-]+ \\d").matcher(text).find(), text);
        String html = Files.readString(report);
        assertTrue(html.contains("ExecutorIdsAhead") && html.contains("<svg"), "report written");
    }

    @Test
    void a_duration_runs_seeds_until_the_time_is_up() {
        assertEquals(0, run("campaign", "--seed", "1000", "--duration", "1s", "--nemesis", "none", "--threads", "1",
                "--runs", "100", "--trace-every", "0"), err.toString());
        String text = out.toString();
        assertTrue(text.contains("seeds from 1000 for 1 s"), text);
        assertTrue(text.contains("violations:  0"), text);
        assertTrue(text.contains("runs:        25") || text.contains("runs:        50")
                || text.contains("runs:        75") || text.contains("runs:        100"), text);
    }

    @Test
    void trace_dir_keeps_the_traces_of_the_sampled_runs_which_the_trace_checker_validates(@TempDir Path dir)
            throws Exception {
        assertEquals(0, run("campaign", "--seed", "1000", "--runs", "3", "--nemesis", "none", "--threads", "1",
                "--steps", "100", "--trace-dir", dir.toString(), "--trace-every", "2"), out + "\n" + err);
        assertTrue(Files.size(dir.resolve("seed-1000").resolve("master-1.trace.jsonl")) > 0);
        assertTrue(Files.isDirectory(dir.resolve("seed-1002")));
        assertTrue(Files.notExists(dir.resolve("seed-1001")));
        String text = out.toString();
        assertTrue(text.contains("trace 1/2 (seed 1000): conforms") && text.contains("trace 2/2 (seed 1002): conforms"), text);
        assertTrue(text.contains("traces validated: 2 (2 conform)"), text);
        assertTrue(Files.exists(dir.resolve("seed-1000").resolve("trace-check.md")), "the checker's report is kept");
    }

    @Test
    void log_prints_the_steps_of_the_run() {
        assertEquals(0, run("campaign", "--seed", "1000", "--runs", "1", "--nemesis", "none", "--steps", "50", "--log"));
        String text = out.toString();
        assertTrue(text.contains("step log of seed 1000"), text);
        assertTrue(text.contains(" #1 master-1 <- Started"), text);
        assertTrue(text.contains(": MasterElectedLeader"), text);
        assertTrue(text.contains("end of log: no violation"), text);
    }

    @Test
    void list_variants_names_each_variant_and_its_property() {
        assertEquals(0, run("campaign", "--list-variants"));
        String text = out.toString();
        for (String v : new String[] {"no-epoch-fencing", "scheduler-ignores-memory", "non-idempotent-reports",
            "recovery-forgets-executor-ids", "worker-launches-unchecked"}) {
            assertTrue(text.contains(v), text);
        }
        assertTrue(text.contains("FencingRespected") && text.contains("RetriesCountRealFailures"), text);
    }

    @Test
    void process_mode_refuses_bad_flags_before_starting_anything() {
        assertBad("--variant", "campaign", "--mode", "process", "--variant", "no-epoch-fencing");
        assertBad("--masters", "campaign", "--mode", "process", "--masters", "9");
        assertBad("--duration", "campaign", "--mode", "process", "--duration", "500ms");
        assertBad("--nemesis", "campaign", "--mode", "process", "--nemesis", "chaos");
    }

    @Test
    void bad_flags_exit_2_naming_the_flag() {
        assertBad("--nemesis", "campaign", "--nemesis", "partition,chaos");
        assertBad("--variant", "campaign", "--variant", "no-such-variant");
        assertBad("--runs", "campaign", "--runs", "0");
        assertBad("--masters", "campaign", "--masters", "9");
        assertBad("--workers", "campaign", "--workers", "0");
        assertBad("--steps", "campaign", "--steps", "-5");
        assertBad("--mode", "campaign", "--mode", "cloud");
        assertBad("--seed", "campaign", "--seed", "abc");
        assertBad("--bogus", "campaign", "--bogus");
        assertBad("--duration", "campaign", "--duration", "soon");
        assertBad("--duration", "campaign", "--duration", "0s");
        assertBad("--trace-every", "campaign", "--trace-every", "-1");
    }

    private void assertBad(String flag, String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        assertEquals(2, run(args), flag);
        assertTrue(err.toString().contains(flag), flag + ": " + err);
    }
}
