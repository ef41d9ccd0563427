package cluster.tracecheck;

import cluster.spec.SpecLocation;
import cluster.spec.Tlc;
import cluster.spec.TlcListener;
import cluster.spec.TlcOptions;
import cluster.spec.TlcOutcome;
import cluster.spec.TlcResult;
import cluster.trace.JsonLinesTraceSink;
import cluster.trace.MalformedTraceException;
import cluster.trace.TraceEntry;
import cluster.trace.TraceFileReader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Validates a run's trace directory against the spec: reads every {@code *.trace.jsonl} file strictly, merges
 * them in happens-before order, writes the merged trace as a TLA+ module and has TLC check it with
 * TraceSparkStandalone.tla (each step must be the next event). On a rejection a second, short TLC run prints
 * the spec state before the rejected event and what the spec would have done instead. A Markdown report
 * ({@code trace-check.md}) is written into the directory.
 */
public final class TraceChecker {
    public static final String REPORT_FILE = "trace-check.md";
    private static final Pattern PROGRESS = Pattern.compile("<<\"TRACE-PROGRESS\", (\\d+)>>");

    private final Path specDir;
    private final TraceCheckOptions options;

    public TraceChecker(Path specDir, TraceCheckOptions options) {
        this.specDir = specDir;
        this.options = options;
    }

    /** With the spec where {@link SpecLocation} finds it and default options. */
    public static TraceVerdict check(Path dir) {
        return new TraceChecker(SpecLocation.specDir(), TraceCheckOptions.defaults()).run(dir);
    }

    public TraceVerdict run(Path dir) {
        long start = System.nanoTime();
        TraceVerdict verdict;
        try {
            verdict = validate(dir, start);
        } catch (MalformedTraceException e) {
            verdict = new TraceVerdict(TraceVerdict.Kind.MALFORMED, 0, seconds(start), "malformed trace: " + e.getMessage(), "", null);
        } catch (TraceViolation e) {
            verdict = new TraceVerdict(TraceVerdict.Kind.VIOLATION, 0, seconds(start), "does not conform: " + e.getMessage(), "", null);
        }
        return verdict.withReport(TraceReport.write(dir, verdict));
    }

    private TraceVerdict validate(Path dir, long start) {
        Map<String, List<TraceEvent>> byNode = read(dir);
        Identities ids = Identities.of(byNode.values().stream().flatMap(List::stream).map(TraceEvent::entry).toList());
        List<TraceEvent> merged = TraceMerger.merge(byNode, GoneProcesses.edges(byNode, ids));
        TraceLog log = TraceLog.of(merged, ids);
        progress(String.format(Locale.ROOT, "trace: %d events of %d nodes read, merged and translated in %.1f s, "
                + "%d message losses; running TLC", merged.size(), byNode.size(), seconds(start), log.size() - merged.size()));
        int[] matched = {0};
        TlcResult result = tlc(log, ids, log.size(), 0, matched, start);
        long events = merged.size();
        if (result.output().stream().anyMatch(l -> l.contains("\"TRACE-ACCEPTED\""))) {
            double s = seconds(start);
            return new TraceVerdict(TraceVerdict.Kind.CONFORMS, events, s, String.format(Locale.ROOT,
                    "conforms: %d events in %.1f s (%.0f events/s)", events, s, events / Math.max(s, 1e-3)), "", null);
        }
        if (result.outcome() != TlcOutcome.OK) {
            return new TraceVerdict(TraceVerdict.Kind.ERROR, events, seconds(start), "TLC failed: " + result.summary(),
                    result.errorText() + "\n" + String.join("\n", tail(result.output(), 20)), null);
        }
        int rejected = matched[0] + 1; // 1-based index into the log
        TraceEvent event = log.origin().get(rejected - 1);
        String what = log.dropped().get(rejected - 1)
                ? "the loss of a message sent by event " + event.name() + " (" + event.where() + ")"
                : "event " + event.name() + " (" + event.where() + ")";
        String details = diagnose(log, ids, rejected, start);
        return new TraceVerdict(TraceVerdict.Kind.VIOLATION, events, seconds(start), "does not conform: the spec cannot take "
                + what + " after " + (rejected - 1) + " matched steps", "event: " + log.records().get(rejected - 1)
                + "\n" + details, null);
    }

    /** A second TLC run up to the rejected event, printing the state before it and the differences. */
    private String diagnose(TraceLog log, Identities ids, int rejected, long start) {
        TlcResult r = tlc(log, ids, rejected, rejected, new int[1], start);
        StringBuilder s = new StringBuilder();
        List<String> states = TlcPrinted.tuples(r.output(), "TRACE-STATE");
        List<String> outcomes = TlcPrinted.tuples(r.output(), "TRACE-OUTCOME");
        Set<String> diffs = new LinkedHashSet<>();
        for (String d : TlcPrinted.tuples(r.output(), "TRACE-DIFF")) {
            List<String> p = TlcPrinted.parts(d); // "TRACE-DIFF", variable, logged, spec
            String logged = p.get(2);
            String spec = p.get(3);
            if (logged.startsWith("{") && spec.startsWith("{")) {
                diffs.add(p.get(1) + ": logged but not in the spec's " + TlcPrinted.minus(logged, spec)
                        + "; in the spec's but not logged " + TlcPrinted.minus(spec, logged));
            } else {
                diffs.add(p.get(1) + ": logged " + logged + ", spec " + spec);
            }
        }
        if (states.isEmpty()) {
            s.append("spec state before it: (not reached)\n");
        } else {
            s.append("spec state before it").append(states.size() > 1 ? " (one of " + states.size() + ")" : "").append(":\n");
            for (String field : TlcPrinted.parts(TlcPrinted.parts(states.get(0)).get(2))) {
                s.append("  ").append(field).append('\n');
            }
        }
        if (outcomes.isEmpty()) {
            s.append("the spec's action is not enabled in that state (its guard is false for these parameters)\n");
        } else if (outcomes.stream().allMatch(o -> o.contains("FALSE"))) {
            s.append("the message the event received is not in flight in the spec\n");
        } else if (diffs.isEmpty()) {
            s.append("the spec can take the action, but not with every logged value at once\n");
        } else {
            s.append("fields that differ (logged by the implementation vs. what the spec's step gives):\n");
            diffs.forEach(d -> s.append("  ").append(d).append('\n'));
        }
        return s.toString();
    }

    private TlcResult tlc(TraceLog log, Identities ids, int upTo, int diagnoseAt, int[] matched, long start) {
        TlcOptions o = new TlcOptions().model("trace").module(TraceModel.MODULE).workers(1).checkDeadlock(false)
                .timeout(options.timeout()).jvmArg("-Xmx2g")
                .configText(TraceModel.config(options, diagnoseAt))
                .replaceFile(TraceModel.DATA_MODULE + ".tla", TraceModel.module(log, ids, upTo));
        long[] lastReport = {System.nanoTime()};
        return Tlc.run(specDir, o, new TlcListener() {
            @Override
            public void line(String line) {
                Matcher m = PROGRESS.matcher(line);
                if (m.find()) {
                    matched[0] = Math.max(matched[0], Integer.parseInt(m.group(1)));
                    if (System.nanoTime() - lastReport[0] > 5_000_000_000L) {
                        lastReport[0] = System.nanoTime();
                        double s = seconds(start);
                        TraceChecker.this.progress(String.format(Locale.ROOT, "matched %d of %d steps, %.0f steps/s", matched[0], upTo,
                                matched[0] / Math.max(s, 1e-3)));
                    }
                }
            }
        });
    }

    private static Map<String, List<TraceEvent>> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new MalformedTraceException(dir, 0, "no such trace directory");
        }
        Map<String, List<TraceEvent>> byNode = new TreeMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                if (!f.getFileName().toString().endsWith(JsonLinesTraceSink.SUFFIX)) {
                    continue;
                }
                List<TraceEntry> entries = TraceFileReader.read(f);
                if (entries.isEmpty()) {
                    continue;
                }
                String node = entries.get(0).node();
                if (byNode.containsKey(node)) {
                    throw new MalformedTraceException(f, 1, "a second trace file of node " + node);
                }
                byNode.put(node, entries.stream().map(e -> new TraceEvent(e, f)).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (byNode.isEmpty()) {
            throw new MalformedTraceException(dir, 0, "no trace files (*" + JsonLinesTraceSink.SUFFIX + ") with events");
        }
        return byNode;
    }

    private void progress(String line) {
        if (options.progress() != null) {
            options.progress().accept(line);
        }
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static List<String> tail(List<String> lines, int n) {
        return lines.subList(Math.max(0, lines.size() - n), lines.size());
    }
}
