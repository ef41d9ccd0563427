package cluster.cli;

import cluster.runtime.NodeAddress;
import cluster.runtime.SparkConf;
import cluster.runtime.Traces;
import cluster.runtime.WorkerNode;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code bin/cluster worker spark://host:port[,host:port...]}: runs a worker in the foreground. */
@Command(name = "worker", mixinStandardHelpOptions = true, description = "Run a worker.")
public final class WorkerCommand implements Callable<Integer> {
    public static final String READY = "worker ready at ";

    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ConfOptions options;

    @Parameters(index = "0", paramLabel = "MASTER_URL", description = "spark://host:port[,host:port...] of every master.")
    String masterUrl;

    @Option(names = {"--cores", "-c"}, description = "Cores offered to executors (default: spark.worker.cores, else all of this machine's).")
    Integer cores;

    @Option(names = {"--memory", "-m"}, paramLabel = "MEM", description = "Memory offered to executors, e.g. 4g or 1024m (default: spark.worker.memory, else the machine's minus 1 GiB).")
    String memory;

    @Option(names = {"--host", "-h"}, defaultValue = "127.0.0.1", description = "Host to listen on and advertise (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = {"--port", "-p"}, defaultValue = "0", description = "Port (default: any free port).")
    int port;

    @Option(names = {"--work-dir", "-d"}, paramLabel = "DIR", description = "Where executor logs go (default: spark.worker.dir, else a new temporary directory).")
    String workDir;

    @Override
    public Integer call() throws Exception {
        SparkConf conf = options.sparkConf(spec.commandLine());
        WorkerNode worker;
        try {
            List<String> masters = NodeAddress.mastersFromUrl(masterUrl);
            if (workDir != null) {
                conf.set("spark.worker.dir", workDir);
            }
            int offeredCores = cores != null ? cores
                    : conf.getInt("spark.worker.cores", Runtime.getRuntime().availableProcessors(), 1);
            if (offeredCores < 1) {
                throw new IllegalArgumentException("--cores must be at least 1: " + offeredCores);
            }
            int offeredMemory = memory != null ? SparkConf.parseMemoryMb("--memory", memory)
                    : conf.getMemoryMb("spark.worker.memory", defaultMemoryMb());
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("--port must be between 0 and 65535: " + port);
            }
            worker = WorkerNode.start(host, port, offeredCores, offeredMemory, masters, conf,
                    ConfOptions.traceDir(conf));
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        return Foreground.run(READY + worker.nodeId(), worker);
    }

    /** Spark's default: the machine's memory minus 1 GiB, at least 1 GiB. */
    private static int defaultMemoryMb() {
        long total = ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getTotalMemorySize() / (1024 * 1024);
        return (int) Math.max(1024, total - 1024);
    }
}
