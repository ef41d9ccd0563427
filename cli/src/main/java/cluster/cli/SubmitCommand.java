package cluster.cli;

import cluster.messages.ApplicationDescription;
import cluster.runtime.SparkConf;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code bin/cluster submit}: runs the sample application with its driver in this process (Spark's client
 * deploy mode) against a running cluster, and prints its result and launch timeline.
 */
@Command(name = "submit", mixinStandardHelpOptions = true,
        description = "Submit the sample application (estimates pi) to a cluster; the driver runs here.",
        footer = "Exit codes: 0 the job finished, 1 it failed (no master, removed, timed out), 2 bad usage.")
public final class SubmitCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ConfOptions options;
    @Mixin AppOptions app;

    @Option(names = "--tasks", defaultValue = "8", description = "Number of tasks (default ${DEFAULT-VALUE}).")
    int tasks;

    @Option(names = "--samples-per-task", defaultValue = "2000000", description = "Random points per task (default ${DEFAULT-VALUE}).")
    long samplesPerTask;

    @Option(names = "--timeout", defaultValue = "300", description = "Seconds to wait for registration and for the job (default ${DEFAULT-VALUE}).")
    long timeoutSeconds;

    @Override
    public Integer call() {
        SparkConf conf = options.sparkConf(spec.commandLine());
        List<String> masters;
        ApplicationDescription description;
        try {
            if (tasks < 1 || samplesPerTask < 1) {
                throw new IllegalArgumentException("--tasks and --samples-per-task must be at least 1");
            }
            masters = app.masters(conf);
            description = app.description(conf);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try {
            PiApp.Outcome outcome = PiApp.run(app.driverHost, masters, description, conf, ConfOptions.traceDir(conf), tasks,
                    samplesPerTask, timeoutSeconds);
            PiApp.print(outcome, tasks * samplesPerTask, System.out);
            return 0;
        } catch (Exception e) {
            Throwable cause = e instanceof java.util.concurrent.ExecutionException && e.getCause() != null ? e.getCause() : e;
            System.err.println("submit failed: " + cause.getMessage());
            return 1;
        }
    }
}
