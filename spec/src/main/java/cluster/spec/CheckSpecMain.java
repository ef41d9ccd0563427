package cluster.spec;

import java.io.PrintStream;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * check-spec as a plain main: {@code mvn verify} runs it on the CI model (see spec/pom.xml).
 * Same flags and exit codes as {@code bin/cluster check-spec}; see {@link CheckSpec}.
 */
@Command(name = "check-spec", mixinStandardHelpOptions = true,
        description = "Model-check the TLA+ spec with TLC.")
public final class CheckSpecMain implements Callable<Integer> {
    @Mixin CheckSpecOptions options;
    PrintStream stdout = System.out, stderr = System.err; // tests capture these

    @Override public Integer call() {
        return new CheckSpec(stdout, stderr).run(options);
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new CheckSpecMain()).execute(args));
    }
}
