package cluster.cli;

import cluster.spec.CheckSpec;
import cluster.spec.CheckSpecOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code bin/cluster check-spec}: model-checks the TLA+ spec (spec/tla, found via -Dcluster.home) with TLC.
 * The work is done by {@link CheckSpec} in the spec module, which {@code mvn verify} also runs.
 */
@Command(name = "check-spec", mixinStandardHelpOptions = true,
        description = "Model-check the TLA+ spec with TLC (default model: ci).",
        footer = "Exit codes: 0 no error found, 1 violation, 2 bad usage or unknown model, 3 TLC could not check.")
public final class CheckSpecCommand implements Callable<Integer> {
    @Mixin CheckSpecOptions options;

    @Override public Integer call() {
        return new CheckSpec(System.out, System.err).run(options);
    }
}
