package cluster.harness;

import cluster.sim.HtmlReport;
import cluster.sim.Nemesis;
import cluster.sim.Variant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** The HTML report of one process campaign: the simulator's report ({@link HtmlReport}) with the campaign's facts. */
public final class ProcessReport {

    private ProcessReport() {
    }

    /** Writes the report of a finished campaign to {@code file}. */
    public static void write(Path file, ProcessCampaign campaign, ProcessCampaign.Result result) throws IOException {
        Map<String, String> facts = facts(campaign);
        facts.put("time", campaign.options().durationMs() / 1000 + " s of faults, then up to "
                + campaign.options().quietMs() / 1000 + " s for liveness; " + result.wallMs() + " ms in all (wall clock)");
        facts.put("faults", result.faults().isEmpty() ? "none" : result.faults().toString());
        facts.put("network", result.messagesDelivered() + " messages delivered, " + result.messagesLost() + " lost");
        facts.put("checks", result.samples() + " safety samples; liveness after healing");
        facts.put("trace", result.trace() == null ? "not validated" : result.trace().message());
        write(file, campaign, facts, result.violation() == null ? "no violation"
                : result.violation().property() + " violated", result.violation());
    }

    /** Writes the report of a campaign that broke off with {@code error} (what it saw until then). */
    public static void writeBrokenOff(Path file, ProcessCampaign campaign, Exception error) throws IOException {
        Map<String, String> facts = facts(campaign);
        facts.put("error", error.toString());
        write(file, campaign, facts, "broken off by an error of the harness", null);
    }

    private static Map<String, String> facts(ProcessCampaign campaign) {
        ProcessCampaign.Options o = campaign.options();
        Variant variant = campaign.variant();
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("seed", Long.toString(o.seed()));
        facts.put("cluster", o.masters() + " masters, " + o.workers() + " workers (OS processes, Maelstrom protocol), "
                + campaign.drivers() + " drivers in the harness");
        facts.put("nemesis", nemeses(o));
        facts.put("variant", variant.cliName + " (" + variant.description + ")");
        facts.put("node logs", o.dir().toString());
        facts.put("rerun", rerunCommand(o, variant));
        return facts;
    }

    private static void write(Path file, ProcessCampaign campaign, Map<String, String> facts, String outcome,
            cluster.sim.Violation violation) throws IOException {
        String title = "Process campaign, seed " + campaign.options().seed() + ": " + outcome;
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.writeString(file, HtmlReport.render(title, facts, violation, campaign.timeline()),
                StandardCharsets.UTF_8);
    }

    /** The command that runs the campaign again: its faults repeat, its processes' timing does not. */
    public static String rerunCommand(ProcessCampaign.Options o, Variant variant) {
        return "bin/cluster campaign --mode process --seed " + o.seed() + " --duration " + o.durationMs() / 1000
                + "s --nemesis " + nemeses(o) + " --masters " + o.masters() + " --workers " + o.workers()
                + (variant == Variant.NONE ? "" : " --variant " + variant.cliName);
    }

    private static String nemeses(ProcessCampaign.Options o) {
        return o.nemeses().isEmpty() ? "none"
                : o.nemeses().stream().sorted().map(Nemesis::cliName).collect(Collectors.joining(","));
    }
}
