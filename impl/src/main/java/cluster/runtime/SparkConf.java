package cluster.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Settings by Spark's key names, from a defaults file ({@code spark-defaults.conf} syntax: {@code key value} or
 * {@code key=value} per line, {@code #} comments) and {@code --conf key=value} flags, later ones winning. Every
 * key must be known: a misspelt key is an error naming it, not a silently ignored setting; so is a bad value.
 */
public final class SparkConf {

    /** Every key this cluster reads, with what it means (shown by errors and help). */
    public static final Map<String, String> KNOWN_KEYS = knownKeys();

    private final Map<String, String> values = new TreeMap<>();

    private static Map<String, String> knownKeys() {
        Map<String, String> k = new LinkedHashMap<>();
        k.put("spark.master", "master URL, spark://host:port[,host:port...]");
        k.put("spark.app.name", "application name");
        k.put("spark.executor.cores", "cores per executor (unset: one executor per worker with all the cores it can get)");
        k.put("spark.executor.memory", "memory per executor, e.g. 1g or 512m (default 1g)");
        k.put("spark.executor.extraJavaOptions", "more JVM options for every executor of the app, split at spaces (no quoting)");
        k.put("spark.cores.max", "cap on the cores of the whole application");
        k.put("spark.dynamicAllocation.enabled", "dynamic allocation: start from initialExecutors, ask for more later");
        k.put("spark.dynamicAllocation.initialExecutors", "executor limit an app with dynamic allocation starts from");
        k.put("spark.deploy.spreadOut", "spread executors over as many workers as possible (default true)");
        k.put("spark.deploy.defaultCores", "cap of an application that sets no spark.cores.max (default: none)");
        k.put("spark.deploy.maxExecutorRetries", "failed executors in a row before an app is removed (default 10)");
        k.put("spark.deploy.recoveryTimeout", "longest a recovering master waits for answers (default: the worker timeout)");
        k.put("spark.deploy.recoveryMode", "NONE, FILESYSTEM or ZOOKEEPER (default NONE)");
        k.put("spark.deploy.recoveryDirectory", "directory of FILESYSTEM recovery");
        k.put("spark.deploy.zookeeper.url", "ZooKeeper connect string of ZOOKEEPER recovery");
        k.put("spark.deploy.zookeeper.dir", "ZooKeeper path of ZOOKEEPER recovery (default /spark)");
        k.put("spark.deploy.zookeeper.sessionTimeout", "ZooKeeper session timeout");
        k.put("spark.deploy.zookeeper.connectionTimeout", "ZooKeeper connection timeout");
        k.put("spark.worker.timeout", "a worker silent this long is removed, seconds unless a unit is given (default 60)");
        k.put("spark.worker.cores", "cores a worker offers (default: all of the machine's)");
        k.put("spark.worker.memory", "memory a worker offers (default: the machine's minus 1 GiB, at least 1 GiB)");
        k.put("spark.worker.dir", "where a worker keeps executor logs (default: a new temporary directory)");
        k.put("spark.authenticate", "authenticate every connection with a shared secret (default false)");
        k.put("spark.authenticate.secret", "the shared secret");
        k.put("spark.rpc.message.maxSize", "largest message, MiB (default 128)");
        k.put("spark.cluster.registrationRetryInterval", "how long an unanswered registration waits before it is sent again (default 500ms)");
        k.put("spark.cluster.registrationTimeout", "a driver that no master registered in this long gives up (default 60s)");
        k.put("spark.cluster.traceDir", "write this node's protocol trace into this directory");
        return java.util.Collections.unmodifiableMap(k);
    }

    public SparkConf() {
    }

    /** Reads a defaults file. */
    public static SparkConf fromFile(Path file) throws IOException {
        SparkConf conf = new SparkConf();
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int split = indexOfSeparator(line);
            if (split < 0) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": expected 'key value', got '" + line + "'");
            }
            try {
                conf.set(line.substring(0, split).strip(), line.substring(split + 1).strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return conf;
    }

    private static int indexOfSeparator(String line) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '=' || Character.isWhitespace(c)) {
                return i;
            }
        }
        return -1;
    }

    /** One {@code key=value} flag. */
    public SparkConf setPair(String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new IllegalArgumentException("--conf expects key=value, got '" + pair + "'");
        }
        return set(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }

    public SparkConf set(String key, String value) {
        if (!KNOWN_KEYS.containsKey(key)) {
            throw new IllegalArgumentException("unknown configuration key '" + key + "' (known keys: "
                    + String.join(", ", KNOWN_KEYS.keySet()) + ")");
        }
        values.put(key, value);
        return this;
    }

    public SparkConf setIfAbsent(String key, String value) {
        if (!values.containsKey(key)) {
            set(key, value);
        }
        return this;
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    public String get(String key, String defaultValue) {
        return values.getOrDefault(key, defaultValue);
    }

    /** Every setting, e.g. for the transport ({@code TransportConfig.fromSparkConf}) or the coordination service. */
    public Map<String, String> asMap() {
        return java.util.Collections.unmodifiableMap(values);
    }

    public boolean getBoolean(String key, boolean defaultValue) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw bad(key, v, "true or false");
        };
    }

    public Integer getInt(String key, Integer defaultValue, int min) {
        String v = values.get(key);
        if (v == null) {
            return defaultValue;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min) {
                throw bad(key, v, "a whole number of at least " + min);
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(key, v, "a whole number of at least " + min);
        }
    }

    /** A duration: {@code 500ms}, {@code 5s}, {@code 2min}, {@code 1h}; a bare number is in {@code bareUnitMs} units. */
    public long getDurationMs(String key, long defaultMs, long bareUnitMs) {
        String v = values.get(key);
        return v == null ? defaultMs : parseDurationMs(key, v, bareUnitMs);
    }

    /** Memory in MiB: {@code 512m}, {@code 1g}, {@code 1024} (MiB). */
    public Integer getMemoryMb(String key, Integer defaultMb) {
        String v = values.get(key);
        return v == null ? defaultMb : parseMemoryMb(key, v);
    }

    public static long parseDurationMs(String key, String v, long bareUnitMs) {
        return cluster.conf.Durations.parseMs(key, v, bareUnitMs);
    }

    public static int parseMemoryMb(String key, String v) {
        long mb;
        try {
            mb = SparkSizes.toMb(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
        if (mb < 1 || mb > Integer.MAX_VALUE) {
            throw bad(key, v, "a size between 1m and 2047t");
        }
        return (int) mb;
    }

    private static IllegalArgumentException bad(String key, String value, String expected) {
        return new IllegalArgumentException(key + " must be " + expected + ", got '" + value + "'");
    }
}
