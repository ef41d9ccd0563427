package cluster.cli;

import cluster.harness.ProcessCampaign;
import cluster.harness.ProcessReport;
import cluster.sim.Variant;
import cluster.sim.Nemesis;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code campaign --mode process}: one process campaign per seed (the Maelstrom-style harness of fault-injection/,
 * package cluster.harness), its progress (each fault as injected), and a summary in the sim mode's shape.
 */
final class ProcessCampaignPrinter {

    private final PrintWriter out;

    ProcessCampaignPrinter(PrintWriter out) {
        this.out = out;
    }

    /**
     * Runs seeds {@code seed .. seed+runs-1} (of {@code variant}); 0 when none violated anything and every trace
     * conforms, else 1. With {@code report}, writes the HTML report of the first failing campaign, else of the first.
     */
    int run(long seed, int runs, long durationMs, Set<Nemesis> nemeses, int masters, int workers, Path logs,
            Variant variant, Path report) throws Exception {
        Path dir = logs != null ? logs : Files.createTempDirectory("cluster-campaign-");
        String kinds = nemeses.isEmpty() ? "none"
                : nemeses.stream().map(Nemesis::cliName).collect(Collectors.joining(","));
        int failed = 0;
        boolean reported = false;
        for (int i = 0; i < runs; i++) {
            long s = seed + i;
            Path runDir = dir.resolve("seed-" + s);
            out.printf("campaign --mode process: seed %d, %d s of faults, %d masters, %d workers, nemesis %s%s; node "
                    + "logs in %s%n", s, durationMs / 1000, masters, workers, kinds,
                    variant == Variant.NONE ? "" : ", variant " + variant.cliName, runDir);
            out.flush();
            ProcessCampaign campaign = new ProcessCampaign(new ProcessCampaign.Options(s, durationMs, 60_000, nemeses,
                    masters, workers, runDir), out).variant(variant);
            ProcessCampaign.Result r;
            try {
                r = campaign.run();
            } catch (Exception e) {
                if (report != null && !reported && campaign.timeline() != null) {
                    ProcessReport.writeBrokenOff(report, campaign, e);
                    out.println("report: " + report.toAbsolutePath() + " (seed " + s + ", broken off)");
                }
                throw e;
            }
            print(r);
            if (!r.passed()) {
                failed++;
                out.println(r.violation() != null ? "VIOLATION seed " + s + ": " + r.violation()
                        : "TRACE seed " + s + ": " + r.trace().message() + "\n" + r.trace().details());
                out.println("  rerun: " + ProcessReport.rerunCommand(campaign.options(), variant)
                        + " (the faults repeat; the processes' timing does not)");
            }
            // The first failing campaign's report replaces the first campaign's.
            if (report != null && (!reported || (!r.passed() && failed == 1))) {
                ProcessReport.write(report, campaign, r);
                out.println("report: " + report.toAbsolutePath() + " (seed " + s + ")");
                reported = true;
            }
        }
        out.printf("runs:        %d, violations: %d%n", runs, failed);
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private void print(ProcessCampaign.Result r) {
        int total = r.faults().values().stream().mapToInt(Integer::intValue).sum();
        String faults = r.faults().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
        out.printf("faults:      %d injected%s%n", total, faults.isEmpty() ? "" : ": " + faults);
        out.printf("workload:    %d drivers, %d executor processes seen%n", r.drivers(), r.executorsSeen());
        out.printf("network:     %,d messages delivered, %,d lost%n", r.messagesDelivered(), r.messagesLost());
        out.printf("checks:      %d safety samples, liveness after healing%n", r.samples());
        out.printf("violations:  %s%n", r.violation() == null ? "0" : "1 " + r.violation().property());
        out.printf("trace:       %s%n", r.trace() == null ? "not validated" : r.trace().message());
        out.printf(Locale.ROOT, "wall time:   %.1f s%n", r.wallMs() / 1000.0);
        out.flush();
    }
}
