package cluster.cli;

import cluster.messages.ApplicationDescription;
import cluster.runtime.NodeAddress;
import cluster.runtime.SparkConf;
import picocli.CommandLine.Option;

import java.util.List;

/** What an application asks for, as spark-submit's flags; each falls back to its Spark key, then Spark's default. */
public final class AppOptions {
    @Option(names = "--master", paramLabel = "URL", description = "spark://host:port[,host:port...] (default: spark.master).")
    String master;

    @Option(names = "--name", description = "Application name (default: spark.app.name, else 'Spark Pi').")
    String name;

    @Option(names = "--executor-cores", paramLabel = "N", description = "Cores per executor (default: spark.executor.cores; unset: one executor per worker with all the cores it can get).")
    Integer executorCores;

    @Option(names = "--executor-memory", paramLabel = "MEM", description = "Memory per executor, e.g. 512m (default: spark.executor.memory, else 1g).")
    String executorMemory;

    @Option(names = "--total-executor-cores", paramLabel = "N", description = "Cap on the app's cores (default: spark.cores.max).")
    Integer totalExecutorCores;

    @Option(names = "--driver-host", defaultValue = "127.0.0.1", description = "Host the driver listens on and advertises (default ${DEFAULT-VALUE}).")
    String driverHost;

    /** Master node ids; a missing or bad URL is an IllegalArgumentException naming it. */
    List<String> masters(SparkConf conf) {
        String url = master != null ? master : conf.get("spark.master", null);
        if (url == null) {
            throw new IllegalArgumentException("--master (or spark.master) is required");
        }
        return NodeAddress.mastersFromUrl(url);
    }

    /** The description to register; its command is filled in by the driver. */
    ApplicationDescription description(SparkConf conf) {
        if (executorCores != null) {
            conf.set("spark.executor.cores", executorCores.toString());
        }
        if (executorMemory != null) {
            conf.set("spark.executor.memory", executorMemory);
        }
        if (totalExecutorCores != null) {
            conf.set("spark.cores.max", totalExecutorCores.toString());
        }
        cluster.runtime.DriverNode.extraJavaOptions(conf); // checked now: a bad value is a bad flag, not a failed run
        Integer initial = conf.getBoolean("spark.dynamicAllocation.enabled", false)
                ? conf.getInt("spark.dynamicAllocation.initialExecutors", 0, 0) : null;
        return new ApplicationDescription(
                name != null ? name : conf.get("spark.app.name", "Spark Pi"),
                conf.getInt("spark.cores.max", null, 1),
                conf.getInt("spark.executor.cores", null, 1),
                conf.getMemoryMb("spark.executor.memory", 1024),
                initial,
                List.of());
    }
}
