package cluster.cli;

import cluster.coordination.CoordinationFactory;
import cluster.coordination.CoordinationService;
import cluster.runtime.MasterNode;
import cluster.runtime.SparkConf;
import cluster.runtime.Traces;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code bin/cluster master}: runs a master in the foreground until it is stopped (Ctrl-C or a signal). */
@Command(name = "master", mixinStandardHelpOptions = true, description = "Run a master.")
public final class MasterCommand implements Callable<Integer> {
    /** The line a master prints once it serves; scripts and tests wait for it. */
    public static final String READY = "master ready at ";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ConfOptions options;

    @Option(names = {"--host", "-h"}, defaultValue = "127.0.0.1", description = "Host to listen on and advertise (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"--port", "-p"}, defaultValue = "7077", description = "Port (default ${DEFAULT-VALUE}; 0 = any free port).")
    int port;

    @Override
    public Integer call() throws Exception {
        SparkConf conf = options.sparkConf(spec.commandLine());
        if (port < 0 || port > 65_535) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--port must be between 0 and 65535: " + port);
        }
        MasterNode master;
        try {
            // NONE: a fresh in-memory store per process; FILESYSTEM and ZOOKEEPER: leadership and records survive.
            CoordinationService coordination = CoordinationFactory.fromSparkConf(conf.asMap(), System.currentTimeMillis());
            master = MasterNode.start(host, port, conf, coordination, ConfOptions.traceDir(conf));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return Foreground.run(READY + master.address().sparkUrl() + " (node " + master.nodeId() + ")", master);
    }
}
