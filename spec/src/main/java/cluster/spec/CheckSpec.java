package cluster.spec;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * check-spec: model-checks one model of the spec with TLC and reports in a few readable lines.
 * Exit codes: 0 no error found, 1 a violation (with its counterexample), 2 bad usage or unknown model,
 * 3 TLC could not check (parse/config error, evaluation error, exhaustive run stopped by the timeout).
 */
public final class CheckSpec {
    public static final int OK = 0, VIOLATION = 1, USAGE = 2, COULD_NOT_CHECK = 3;
    public static final long DEFAULT_SIMULATION_SECONDS = 60;

    private final PrintStream out, err;

    public CheckSpec(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public int run(CheckSpecOptions flags) {
        Path specDir = SpecLocation.specDir();
        if (!Files.isDirectory(specDir)) return usage("no spec directory " + specDir + " (set -Dcluster.spec.dir)");
        if (flags.listModels) return listModels(specDir);
        String bad = invalid(flags);
        if (bad != null) return usage(bad);
        Optional<ModelInfo> model = ModelInfo.find(specDir, flags.model);
        if (model.isEmpty()) {
            List<String> known = ModelInfo.list(specDir).stream().map(ModelInfo::name).toList();
            return usage("unknown model '" + flags.model + "': no " + ModelInfo.modelsDir(specDir).resolve(flags.model + ".cfg")
                    + " (known: " + (known.isEmpty() ? "none" : String.join(", ", known)) + ")");
        }
        TlcOptions options = options(model.get(), flags);
        out.println("check-spec: model " + flags.model + " (" + describeMode(options) + ") of " + specDir);
        if (!model.get().purpose().isEmpty()) out.println("  purpose: " + model.get().purpose());
        out.println("  TLC reports progress once a minute.");
        TlcResult result = Tlc.run(specDir, options, new TlcListener() {
            @Override public void line(String line) {
                if (flags.tlcOutput) out.println("  tlc| " + line);
            }

            @Override public void progress(TlcProgress p) {
                out.println(progressLine(p));
            }
        });
        if (stepsUnnamed(result, options)) result = named(specDir, model.get(), options, result);
        return report(result, options, ActionNames.fromSpecDir(specDir));
    }

    private int report(TlcResult r, TlcOptions options, ActionNames names) {
        boolean simulationEnded = options.simulate() && (r.outcome() == TlcOutcome.OK || r.outcome() == TlcOutcome.TIMEOUT);
        if (simulationEnded) {
            out.println("simulation found no violation");
            // A simulation stopped by the time limit has printed no count unless a minute passed (TLC reports per minute).
            out.println(String.format(Locale.ROOT, "states checked: %s, depth: %d, time: %.1f s",
                    r.statesGenerated() < 0 ? "unknown" : String.valueOf(r.statesGenerated()), r.depth(), r.seconds()));
            return OK;
        }
        switch (r.outcome()) {
            case OK -> {
                out.println(String.format(Locale.ROOT, "distinct states: %d, depth: %d, time: %.1f s",
                        r.distinctStates(), r.depth(), r.seconds()));
                return OK;
            }
            case TIMEOUT -> {
                err.println(String.format(Locale.ROOT, "check-spec: stopped by --timeout after %.1f s, before TLC finished (%s)",
                        r.seconds(), r.distinctStates() < 0 ? "no progress report yet"
                                : r.distinctStates() + " distinct states so far, depth " + r.depth()));
                return COULD_NOT_CHECK;
            }
            case ERROR -> {
                err.println("check-spec: TLC could not check the model (exit " + r.exitCode() + "):");
                err.println(r.errorText());
                return COULD_NOT_CHECK;
            }
            default -> {
                out.println("VIOLATION: " + violation(r));
                out.print(CounterexamplePrinter.format(r, names));
                out.println(String.format(Locale.ROOT, "(%s distinct states, %.1f s)",
                        r.distinctStates() < 0 ? "?" : String.valueOf(r.distinctStates()), r.seconds()));
                return VIOLATION;
            }
        }
    }

    static String violation(TlcResult r) {
        return switch (r.outcome()) {
            case INVARIANT_VIOLATED -> "invariant " + r.violatedName();
            case PROPERTY_VIOLATED -> r.violatedName() != null ? "action property " + r.violatedName()
                    : "temporal property (TLC does not say which; check one PROPERTY at a time to find it)";
            case DEADLOCK -> "deadlock";
            case ASSUMPTION -> "assumption " + r.violatedName() + " is false";
            default -> r.outcome().name();
        };
    }

    /** A counterexample of a depth-bounded model: TLC names every step after the bounded next-state relation. */
    private static boolean stepsUnnamed(TlcResult r, TlcOptions options) {
        return !options.simulate() && r.trace().size() > 1
                && r.trace().stream().skip(1).allMatch(s -> s.action().equals(ModelConfigs.BOUNDED_NEXT));
    }

    /**
     * Checks the model again with the depth bound as a constraint, which TLC runs slower but whose steps it names
     * by their actions; that run's counterexample (also a shortest one) if it finds the same kind of violation.
     */
    private TlcResult named(Path specDir, ModelInfo model, TlcOptions options, TlcResult unnamed) {
        out.println("  " + unnamed.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + "; checking again with the depth bound as a constraint, so that the steps are named by action");
        String cfg;
        try {
            cfg = Files.readString(model.cfg());
        } catch (java.io.IOException e) {
            return unnamed;
        }
        TlcResult again = Tlc.run(specDir, options.configText(ModelConfigs.withDepthAsConstraint(cfg)));
        return again.outcome() == unnamed.outcome() && !again.trace().isEmpty() ? again : unnamed;
    }

    static String progressLine(TlcProgress p) {
        if (p.isSimulation()) {
            return String.format(Locale.US, "  [%5.0f s] %,d states checked, %,.0f states/s",
                    p.elapsedSeconds(), p.statesGenerated(), p.statesPerSecond());
        }
        return String.format(Locale.US, "  [%5.0f s] %,d states generated, %,d distinct, %,.0f states/s, queue %,d, depth %d",
                p.elapsedSeconds(), p.statesGenerated(), p.distinctStates(), p.statesPerSecond(), p.queue(), p.depth());
    }

    private static TlcOptions options(ModelInfo model, CheckSpecOptions flags) {
        TlcOptions o = TlcOptions.forModel(model).workers(flags.workers);
        if (flags.simulate) o.simulate(true);
        if (flags.depth != null) o.depth(flags.depth);
        if (flags.seed != null) o.seed(flags.seed);
        if (flags.traces != null) o.traces(flags.traces);
        if (flags.timeoutSeconds != null) o.timeout(Duration.ofSeconds(flags.timeoutSeconds));
        if (o.simulate() && o.traces() == null && o.timeout() == null) o.timeout(Duration.ofSeconds(DEFAULT_SIMULATION_SECONDS));
        return o;
    }

    private static String describeMode(TlcOptions o) {
        String workers = o.workers() + (o.workers() == 1 ? " worker" : " workers");
        if (!o.simulate()) return "exhaustive, " + workers + (o.timeout() == null ? "" : ", timeout " + o.timeout().toSeconds() + " s");
        return "simulation, depth " + o.depthOrDefault() + (o.traces() == null ? "" : ", " + o.traces() + " traces")
                + (o.seed() == null ? "" : ", seed " + o.seed())
                + (o.timeout() == null ? "" : ", for at most " + o.timeout().toSeconds() + " s") + ", " + workers;
    }

    private static String invalid(CheckSpecOptions f) {
        if (f.workers < 1) return "--workers must be at least 1, got " + f.workers;
        if (f.depth != null && f.depth < 1) return "--depth must be at least 1, got " + f.depth;
        if (f.traces != null && f.traces < 1) return "--traces must be at least 1, got " + f.traces;
        if (f.timeoutSeconds != null && f.timeoutSeconds < 1) return "--timeout must be at least 1 second, got " + f.timeoutSeconds;
        return null;
    }

    private int listModels(Path specDir) {
        List<ModelInfo> models = ModelInfo.list(specDir);
        if (models.isEmpty()) out.println("no models in " + ModelInfo.modelsDir(specDir));
        int width = models.stream().mapToInt(m -> m.name().length()).max().orElse(0);
        List<String> modes = models.stream().map(m -> "[" + (m.simulate() ? "simulate"
                + (m.depth() == null ? "" : " depth=" + m.depth()) + (m.traces() == null ? "" : " traces=" + m.traces())
                : "exhaustive") + "]").toList();
        int modeWidth = modes.stream().mapToInt(String::length).max().orElse(0);
        for (int i = 0; i < models.size(); i++) {
            out.println(String.format(Locale.ROOT, "%-" + width + "s  %-" + modeWidth + "s  %s",
                    models.get(i).name(), modes.get(i), models.get(i).purpose()).stripTrailing());
        }
        return OK;
    }

    private int usage(String message) {
        err.println("check-spec: " + message);
        return USAGE;
    }
}
