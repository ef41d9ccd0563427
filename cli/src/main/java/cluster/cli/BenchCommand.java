package cluster.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code bin/cluster bench ...}: benchmarks that print their figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, description = "Benchmarks.",
        subcommands = {BenchLaunchCommand.class, BenchFailoverCommand.class})
public final class BenchCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing benchmark (launch or failover)");
    }
}
