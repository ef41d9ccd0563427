package cluster.cli;

import cluster.sim.Campaign;
import cluster.sim.Nemesis;
import cluster.sim.Replay;
import cluster.sim.RunResult;
import cluster.sim.Shrinker;
import cluster.sim.SimOptions;
import cluster.sim.SampledTraces;
import cluster.sim.TraceValidation;
import cluster.sim.Variant;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

/**
 * {@code bin/cluster campaign}: fault-injection campaigns. {@code --mode sim} runs the deterministic simulator
 * (fault-injection/, package cluster.sim) over seeds {@code S, S+1, ...}; {@code --mode process} runs masters and
 * workers as real processes on the Maelstrom-style harness (package cluster.harness), with {@code --trace-dir} as the
 * directory of the node logs.
 */
@Command(name = "campaign", mixinStandardHelpOptions = true,
        description = "Run a fault-injection campaign: many runs with faults, safety checked after every step, "
                + "liveness after the faults heal.",
        footer = "Exit codes: 0 nothing violated, 1 a property was violated, 2 bad usage or mode not available.")
public final class CampaignCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(names = "--mode", defaultValue = "sim", description = "sim (deterministic simulator) or process")
    String mode;

    @Option(names = "--seed", description = "first seed (default: drawn from the clock, and printed)")
    Long seed;

    @Option(names = "--runs", description = "number of runs (seeds S, S+1, ...); default 100")
    Integer runs;

    @Option(names = "--duration", description = "run seeds for this long (e.g. 60s, 2m); --runs is then the most "
            + "runs (default without --runs: no limit)")
    String duration;

    @Option(names = "--steps", defaultValue = "500", description = "steps of each run's faulty phase; default ${DEFAULT-VALUE}")
    int steps;

    @Option(names = "--nemesis", defaultValue = "partition,delay,drop,duplicate,kill,pause",
            description = "faults to inject, comma-separated (or none); default ${DEFAULT-VALUE}")
    String nemesis;

    @Option(names = "--lossy-partitions", description = "partitions lose the messages that meet them, as the spec's "
            + "network may (default: they hold them until they heal, as TCP does)")
    boolean lossyPartitions;

    @Option(names = "--masters", defaultValue = "3", description = "masters; default ${DEFAULT-VALUE}")
    int masters;

    @Option(names = "--workers", defaultValue = "3", description = "worker machines; default ${DEFAULT-VALUE}")
    int workers;

    @Option(names = "--variant", defaultValue = "none", description = "a broken variant of the protocol (see --list-variants)")
    String variant;

    @Option(names = "--list-variants", description = "list the broken variants and the property each must violate")
    boolean listVariants;

    @Option(names = "--report", description = "write an HTML timeline of the first failing run (else of the first run)")
    Path report;

    @Option(names = "--threads", description = "threads to spread runs over (default: the machine's cores)")
    Integer threads;

    @Option(names = "--trace-dir", description = "keep the traces of the sampled runs there "
            + "(DIR/seed-S/<node>.trace.jsonl); default: a temporary directory, removed afterwards")
    Path traceDir;

    @Option(names = "--trace-every", defaultValue = "100", description = "trace every N-th run (the first one "
            + "always) and validate its trace with the trace checker after the runs; 0: none; default ${DEFAULT-VALUE}")
    int traceEvery;

    @Option(names = "--log", description = "also print one line per step of the first failing run (else of the "
            + "first run): time, step, node, what it was told, the spec action it took")
    boolean log;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (listVariants) {
            for (Variant v : Variant.values()) {
                out.printf("%-32s %s%s%s%n", v.cliName, v.description,
                        v.property == null ? "" : " -> must violate " + v.property,
                        cluster.harness.ProcessVariants.refusal(v) == null ? "" : " (--mode sim only)");
            }
            return 0;
        }
        if (mode.equals("process")) {
            return processCampaign(out);
        }
        if (!mode.equals("sim")) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--mode must be sim or process: '" + mode + "'");
        }
        SimOptions options = options();
        int threadCount = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        if (threadCount < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--threads must be at least 1: " + threadCount);
        }
        long durationNanos = duration == null ? 0 : Durations.parseNanos(spec.commandLine(), "--duration", duration);
        int maxRuns = runs != null ? runs : duration != null ? Integer.MAX_VALUE : 100;
        if (traceEvery < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--trace-every must be 0 (off) or more: "
                    + traceEvery);
        }
        try (SampledTraces traces = traceDir == null ? SampledTraces.temporary(options.seed(), traceEvery)
                : SampledTraces.in(traceDir, options.seed(), traceEvery)) {
            return new CampaignPrinter(out, log, traces).run(options, maxRuns, durationNanos, threadCount, report);
        }
    }

    /** The Maelstrom-style process harness: one campaign of real processes per seed (default 1 run of 60 s). */
    private int processCampaign(PrintWriter out) throws IOException {
        Variant chosen;
        try {
            chosen = Variant.byCliName(variant);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--variant: " + e.getMessage());
        }
        String refusal = cluster.harness.ProcessVariants.refusal(chosen);
        if (refusal != null) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--variant " + variant + " cannot show in a "
                    + "process campaign: " + refusal);
        }
        if (runs != null && runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1: " + runs);
        }
        long durationMs = duration == null ? 60_000
                : Durations.parseNanos(spec.commandLine(), "--duration", duration) / 1_000_000;
        Set<Nemesis> kinds;
        try {
            kinds = Nemesis.parseList(nemesis);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--nemesis: " + e.getMessage());
        }
        try {
            new cluster.harness.ProcessCampaign.Options(0, durationMs, 1, kinds, masters, workers, Path.of("."));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        long first = seed != null ? seed : System.currentTimeMillis();
        try {
            return new ProcessCampaignPrinter(out).run(first, runs == null ? 1 : runs, durationMs, kinds, masters,
                    workers, traceDir, chosen, report);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException("the process campaign failed: " + e, e);
        }
    }

    private SimOptions options() {
        if (runs != null && runs < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--runs must be at least 1: " + runs);
        }
        Set<Nemesis> kinds;
        Variant chosen;
        try {
            kinds = Nemesis.parseList(nemesis);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--nemesis: " + e.getMessage());
        }
        try {
            chosen = Variant.byCliName(variant);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--variant: " + e.getMessage());
        }
        long first = seed != null ? seed : System.currentTimeMillis(); // printed, so the campaign can be replayed
        try {
            return new SimOptions(first, steps, masters, workers, kinds.isEmpty() ? EnumSet.noneOf(Nemesis.class) : kinds,
                    chosen, lossyPartitions);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /** Progress, summary, failures (with replay commands and the shortest failing prefix) and the report. */
    static final class CampaignPrinter {
        private final PrintWriter out;
        private final boolean log;
        private final SampledTraces traces;

        CampaignPrinter(PrintWriter out, boolean log, SampledTraces traces) {
            this.out = out;
            this.log = log;
            this.traces = traces;
        }

        int run(SimOptions options, int runs, long durationNanos, int threads, Path report) throws IOException {
            try {
                return campaign(options, runs, durationNanos, threads, report);
            } finally {
                out.flush();
            }
        }

        private int campaign(SimOptions options, int runs, long durationNanos, int threads, Path report)
                throws IOException {
            String seeds = durationNanos > 0 ? "from " + options.seed() + " for " + durationNanos / 1_000_000_000 + " s"
                    : options.seed() + ".." + (options.seed() + runs - 1);
            out.printf("campaign --mode sim: seeds %s, %d steps each, %d masters, %d workers, nemesis %s%s, "
                    + "variant %s, %d threads%n", seeds, options.steps(), options.masters(), options.workers(),
                    options.nemeses().isEmpty() ? "none" : options.nemesisList(),
                    options.lossyPartitions() ? " (lossy partitions)" : "", options.variant().cliName, threads);
            out.flush();
            int every = durationNanos > 0 ? 100 : Math.max(1, runs / 10);
            String of = durationNanos > 0 ? "" : "/" + runs;
            java.util.function.IntConsumer progress = done -> {
                if (done % every == 0 || done == runs) {
                    synchronized (out) {
                        out.printf("  %d%s runs%n", done, of);
                        out.flush();
                    }
                }
            };
            Campaign.Summary summary = durationNanos > 0
                    ? Campaign.runFor(options, durationNanos, runs, threads, progress, traces::sink)
                    : Campaign.run(options, runs, threads, progress, traces::sink);
            TraceValidation.Result validation = validate(options);
            printSummary(summary, threads);
            printValidation(validation);
            boolean rejected = !validation.rejected().isEmpty(); // a trace that does not conform fails the campaign
            printRejected(validation);
            if (summary.failures().isEmpty()) {
                printLog(options);
                if (report != null) {
                    Replay.writeReport(options, report);
                    out.println("report: " + report + " (seed " + options.seed() + ")");
                }
                return rejected ? 1 : 0;
            }
            printFailures(summary);
            RunResult first = summary.failures().get(0);
            RunResult shortest = Shrinker.shortestPrefix(first);
            out.println("shortest failing prefix of seed " + first.options().seed() + ": " + shortest.options().steps()
                    + " steps, " + shortest.violation().property() + ": " + shortest.violation().detail());
            out.println("  replay: " + shortest.options().replayCommand());
            printLog(shortest.options());
            if (report != null) {
                Replay.writeReport(shortest.options(), report);
                out.println("report: " + report + " (seed " + first.options().seed() + ", " + shortest.options().steps()
                        + " steps)");
            }
            return 1;
        }

        /** The sampled runs' traces checked by the trace checker, with a line of progress per trace. */
        private TraceValidation.Result validate(SimOptions options) {
            if (traces.seeds().isEmpty()) {
                return TraceValidation.Result.NONE;
            }
            out.printf("validating %d sampled traces with the trace checker%n", traces.seeds().size());
            out.flush();
            return TraceValidation.validate(traces, options, line -> {
                out.println(line);
                out.flush();
            });
        }

        private void printValidation(TraceValidation.Result v) {
            if (v.validated() == 0) {
                out.println("traces validated: 0 (--trace-every 0)");
                return;
            }
            out.printf(Locale.ROOT, "traces validated: %d (%d conform), %,d events, %.1f s (%.1f s per trace)%n",
                    v.validated(), v.conform(), v.events(), v.nanos() / 1e9, v.nanos() / 1e9 / v.validated());
        }

        /** Each trace the checker did not accept: the seed, the event and what differs, how to replay it. */
        private void printRejected(TraceValidation.Result v) {
            for (TraceValidation.Rejected r : v.rejected()) {
                out.println("TRACE REJECTED seed " + r.seed() + ": " + r.verdict().message());
                boolean state = false;
                for (String line : r.verdict().details().lines().toList()) {
                    if (line.startsWith("spec state before it")) {
                        state = true; // long: it is in the report the replay writes
                        out.println("  spec state before it: in DIR/seed-" + r.seed() + "/trace-check.md after the replay");
                    } else if (!(state && line.startsWith("  "))) {
                        state = false;
                        out.println("  " + line);
                    }
                }
                out.println("  replay: " + r.replay());
            }
        }

        /** The step log of one run, replayed from its seed. */
        private void printLog(SimOptions options) {
            if (!log) {
                return;
            }
            out.println("step log of seed " + options.seed() + " (" + options.steps() + " faulty steps):");
            out.flush();
            java.io.PrintStream lines = new java.io.PrintStream(new java.io.OutputStream() {
                @Override
                public void write(int b) {
                    out.write(b);
                }
            }, false, java.nio.charset.StandardCharsets.UTF_8);
            RunResult replayed = new cluster.sim.Simulation(options).logTo(lines).run();
            lines.flush();
            out.println("end of log: " + (replayed.failed() ? replayed.violation() : "no violation"));
        }

        private void printSummary(Campaign.Summary s, int threads) {
            String faults = s.faults().entrySet().stream().map(e -> e.getKey() + " " + e.getValue())
                    .collect(Collectors.joining(", "));
            out.printf("runs:        %d%n", s.runs());
            out.printf("steps:       %,d (%,d with faults)%n", s.steps(), s.faultySteps());
            out.printf("faults:      %,d injected%s%n", s.faultsInjected(), faults.isEmpty() ? "" : ": " + faults);
            out.printf("launches:    %,d executors started%n", s.launches());
            out.printf("violations:  %d%s%n", s.failures().size(), s.failures().isEmpty() ? "" : " " + byProperty(s));
            out.printf(Locale.ROOT, "throughput:  %,.0f runs/min, %,.0f steps/s (%d threads, %.1f s)%n",
                    s.runsPerMinute(), s.stepsPerSecond(), threads, s.wallNanos() / 1e9);
        }

        private static String byProperty(Campaign.Summary s) {
            Map<String, Long> counts = s.failures().stream().collect(Collectors.groupingBy(
                    r -> r.violation().property(), java.util.TreeMap::new, Collectors.counting()));
            return counts.toString();
        }

        private void printFailures(Campaign.Summary s) {
            int shown = 0;
            for (RunResult r : s.failures()) {
                if (shown++ == 20) {
                    out.println("  ... " + (s.failures().size() - 20) + " more");
                    break;
                }
                out.println("VIOLATION seed " + r.options().seed() + ": " + r.violation());
                out.println("  replay: " + r.options().replayCommand());
            }
        }
    }
}
