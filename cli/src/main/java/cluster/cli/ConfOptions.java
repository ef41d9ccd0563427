package cluster.cli;

import cluster.runtime.SparkConf;
import picocli.CommandLine;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Options every node command shares, as spark-submit spells them: {@code --properties-file} (Spark's
 * {@code spark-defaults.conf} syntax), {@code --conf key=value} (wins over the file), {@code --trace-dir}.
 */
public final class ConfOptions {
    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable); wins over the properties file.")
    List<String> conf = new ArrayList<>();

    @Option(names = "--properties-file", paramLabel = "FILE", description = "Settings file in spark-defaults.conf syntax.")
    Path propertiesFile;

    @Option(names = "--trace-dir", paramLabel = "DIR", description = "Write this process's protocol trace here (same as spark.cluster.traceDir).")
    Path traceDir;

    /** The settings; a bad key, value or file is a usage error (exit 2) naming it. */
    public SparkConf sparkConf(CommandLine commandLine) {
        try {
            SparkConf result;
            if (propertiesFile != null) {
                if (!Files.isRegularFile(propertiesFile)) {
                    throw new IllegalArgumentException("--properties-file " + propertiesFile + " does not exist");
                }
                result = SparkConf.fromFile(propertiesFile);
            } else {
                result = new SparkConf();
            }
            for (String pair : conf) {
                result.setPair(pair);
            }
            if (traceDir != null) {
                result.set("spark.cluster.traceDir", traceDir.toAbsolutePath().toString());
            }
            return result;
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(commandLine, e.getMessage());
        } catch (java.io.IOException e) {
            throw new CommandLine.ParameterException(commandLine, "cannot read --properties-file: " + e);
        }
    }

    /** The trace directory from the settings, or null. */
    public static String traceDir(SparkConf conf) {
        return conf.contains("spark.cluster.traceDir") ? conf.get("spark.cluster.traceDir", null) : null;
    }
}
