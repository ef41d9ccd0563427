package cluster.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The top of {@code bin/cluster}: every user-facing command is a subcommand here.
 * Bad flags exit with code 2 and a message naming the flag (picocli's usage error code).
 */
@Command(name = "cluster", mixinStandardHelpOptions = true,
        description = "A formally checked standalone cluster manager.",
        subcommands = {CommandLine.HelpCommand.class, DemoCommand.class, MasterCommand.class, WorkerCommand.class,
                SubmitCommand.class, StatusCommand.class, PlanCommand.class, BenchCommand.class, CheckSpecCommand.class,
                ZooKeeperCommand.class, CampaignCommand.class,
                CheckTraceCommand.class})
public final class ClusterCommand implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ClusterCommand());
        return cl;
    }

    public static void main(String[] args) {
        cluster.messages.codec.ChronicleStartup.skipNativePosixBinding();
        System.exit(commandLine().execute(args));
    }
}
