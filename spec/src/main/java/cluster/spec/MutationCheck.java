package cluster.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Runs mutations against TLC: a mutant must be rejected with a violation of exactly its target property, and the
 * unmutated spec must satisfy those same targets under the same model (else the mutation proves nothing).
 * Each run checks only the target(s): the model's own INVARIANT/PROPERTY sections are replaced.
 */
public final class MutationCheck {
    /** Upper bound for one exhaustive run, so a mutation that makes the state space explode cannot hang the build. */
    public static final Duration EXHAUSTIVE_LIMIT = Duration.ofMinutes(30);
    /** How long a simulation model hunts for the violation when the model does not fix a number of traces. */
    public static final Duration SIMULATION_LIMIT = Duration.ofMinutes(2);

    private final Path specDir;
    private final String target;

    /** @param target the module file the mutations edit, relative to specDir ({@link Mutation#DEFAULT_TARGET}) */
    public MutationCheck(Path specDir, String target) {
        this.specDir = specDir;
        this.target = target;
    }

    public TlcResult runMutant(Mutation m) {
        String mutated = m.apply(read(specDir.resolve(target)), target);
        return Tlc.run(specDir, options(m.model(), List.of(m)).replaceFile(target, mutated));
    }

    /** Checks the unmutated spec against the targets of all given mutations, which must share one model. */
    public TlcResult runUnmutated(String model, List<Mutation> mutations) {
        return Tlc.run(specDir, options(model, mutations));
    }

    /** Null if TLC rejected the mutant the way the mutation expects, else why not. */
    public static String mutantProblem(Mutation m, TlcResult r) {
        boolean caught = m.kind() == Mutation.Kind.INVARIANT
                ? r.outcome() == TlcOutcome.INVARIANT_VIOLATED && m.property().equals(r.violatedName())
                // Only this property is checked, so any temporal/action violation is its violation.
                : r.outcome() == TlcOutcome.PROPERTY_VIOLATED;
        if (caught) return null;
        return "mutation " + m.name() + " should violate " + m.kind().name().toLowerCase() + " " + m.property()
                + " under model " + m.model() + ", but TLC says " + r.describe();
    }

    /** Null if the unmutated spec passed (for a simulation model: no violation until its end or time limit), else why not. */
    public String unmutatedProblem(String model, TlcResult r) {
        boolean simulation = ModelInfo.find(specDir, model).map(ModelInfo::simulate).orElse(false);
        boolean passed = r.outcome() == TlcOutcome.OK || (simulation && r.outcome() == TlcOutcome.TIMEOUT);
        return passed ? null : "the unmutated spec must satisfy the mutation targets under model " + model
                + ", but TLC says " + r.describe();
    }

    private TlcOptions options(String model, List<Mutation> mutations) {
        ModelInfo info = ModelInfo.find(specDir, model).orElseThrow(() -> new IllegalArgumentException(
                "mutation model '" + model + "' has no " + ModelInfo.modelsDir(specDir).resolve(model + ".cfg")));
        List<String> invariants = targets(mutations, Mutation.Kind.INVARIANT);
        List<String> properties = targets(mutations, Mutation.Kind.PROPERTY);
        String cfg = ModelConfigs.withOnlyChecks(read(info.cfg()), invariants, properties);
        // Mutation runs go one after another, so each may use every core.
        TlcOptions o = TlcOptions.forModel(info).configText(cfg).workers(Runtime.getRuntime().availableProcessors());
        if (!info.simulate()) o.timeout(EXHAUSTIVE_LIMIT);
        else if (info.traces() == null) o.timeout(SIMULATION_LIMIT);
        return o;
    }

    private static List<String> targets(List<Mutation> mutations, Mutation.Kind kind) {
        return mutations.stream().filter(m -> m.kind() == kind).map(Mutation::property).distinct().toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
