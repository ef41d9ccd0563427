package cluster.coordination;

import cluster.conf.Durations;
import org.apache.zookeeper.common.PathUtils;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Chooses and configures a master's coordination service from Spark's configuration keys. Every bad value or
 * missing required key is an {@link IllegalArgumentException} whose message starts with the key.
 *
 * <ul>
 *   <li>{@value #RECOVERY_MODE} = {@code NONE} (default): a fresh {@link InMemoryCoordination}; nothing survives
 *       the process, and the first epoch is the start time in ms so a restarted master outranks its earlier
 *       self with workers that remember the old epoch.</li>
 *   <li>{@code FILESYSTEM}: {@link FileSystemCoordination} in {@value #RECOVERY_DIRECTORY} (required; created
 *       if missing).</li>
 *   <li>{@code ZOOKEEPER}: {@link ZooKeeperCoordination} at {@value #ZK_URL} (required) under {@value #ZK_DIR}
 *       (default {@value #DEFAULT_ZK_DIR}), with {@value #ZK_SESSION_TIMEOUT} (default
 *       {@value #DEFAULT_SESSION_TIMEOUT_MS} ms) and {@value #ZK_CONNECTION_TIMEOUT} (default the smaller of
 *       {@value #DEFAULT_CONNECTION_TIMEOUT_MS} ms and the session timeout). Spark hard-codes 60 s and 15 s;
 *       failover after a leader crash takes about one session timeout.</li>
 * </ul>
 */
public final class CoordinationFactory {

    public static final String RECOVERY_MODE = "spark.deploy.recoveryMode";
    public static final String RECOVERY_DIRECTORY = "spark.deploy.recoveryDirectory";
    public static final String ZK_URL = "spark.deploy.zookeeper.url";
    public static final String ZK_DIR = "spark.deploy.zookeeper.dir";
    public static final String ZK_SESSION_TIMEOUT = "spark.deploy.zookeeper.sessionTimeout";
    public static final String ZK_CONNECTION_TIMEOUT = "spark.deploy.zookeeper.connectionTimeout";
    public static final String DEFAULT_ZK_DIR = "/spark";
    public static final int DEFAULT_SESSION_TIMEOUT_MS = 10_000;
    public static final int DEFAULT_CONNECTION_TIMEOUT_MS = 5_000;
    /** How often a standby file-system master tries the lock: the most a restart waits after the old process died. */
    public static final long FILESYSTEM_LOCK_POLL_MS = 100;

    /** The recovery modes; Spark's CUSTOM and ROCKSDB are not offered. */
    public enum RecoveryMode { NONE, FILESYSTEM, ZOOKEEPER }

    /** host, host:port, or [IPv6]:port. */
    private static final Pattern ZK_SERVER = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[A-Za-z0-9._\\-]+)(:(\\d{1,5}))?");

    private CoordinationFactory() {
    }

    /**
     * The coordination service {@code conf} asks for. {@code nowMs} is the wall clock at master start: the
     * lowest epoch this master claims in every mode, so a master outranks the terms workers remember even when
     * nothing was stored ({@code NONE}) or the store was wiped; stored epochs still grow by one per term above it.
     * Nothing is contacted until {@link CoordinationService#start}.
     */
    public static CoordinationService fromSparkConf(Map<String, String> conf, long nowMs) {
        switch (recoveryMode(conf)) {
            case FILESYSTEM:
                return new FileSystemCoordination(recoveryDirectory(conf), FILESYSTEM_LOCK_POLL_MS, nowMs);
            case ZOOKEEPER:
                int sessionMs = durationMs(conf, ZK_SESSION_TIMEOUT, DEFAULT_SESSION_TIMEOUT_MS);
                int connectionMs = durationMs(conf, ZK_CONNECTION_TIMEOUT,
                        Math.min(DEFAULT_CONNECTION_TIMEOUT_MS, sessionMs));
                return new ZooKeeperCoordination(zooKeeperUrl(conf), zooKeeperDir(conf), sessionMs, connectionMs, nowMs);
            default:
                return new InMemoryCoordination(Math.max(1, nowMs)).client();
        }
    }

    public static RecoveryMode recoveryMode(Map<String, String> conf) {
        String value = conf.getOrDefault(RECOVERY_MODE, RecoveryMode.NONE.name()).strip();
        try {
            return RecoveryMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw bad(RECOVERY_MODE, value, "is not NONE, FILESYSTEM or ZOOKEEPER");
        }
    }

    static Path recoveryDirectory(Map<String, String> conf) {
        String value = required(conf, RECOVERY_DIRECTORY, "with " + RECOVERY_MODE + "=FILESYSTEM");
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw bad(RECOVERY_DIRECTORY, value, "is not a path: " + e.getReason());
        }
    }

    static String zooKeeperUrl(Map<String, String> conf) {
        String value = required(conf, ZK_URL, "with " + RECOVERY_MODE + "=ZOOKEEPER");
        int chroot = value.indexOf('/');
        String servers = chroot < 0 ? value : value.substring(0, chroot);
        for (String server : servers.split(",", -1)) {
            Matcher m = ZK_SERVER.matcher(server.strip());
            if (!m.matches() || (m.group(3) != null && Integer.parseInt(m.group(3)) > 65535)) {
                throw bad(ZK_URL, value, "is not a list of host:port (server '" + server + "')");
            }
        }
        return value;
    }

    static String zooKeeperDir(Map<String, String> conf) {
        String value = conf.getOrDefault(ZK_DIR, DEFAULT_ZK_DIR).strip();
        String dir = value.length() > 1 && value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        try {
            PathUtils.validatePath(dir);
        } catch (IllegalArgumentException e) {
            throw bad(ZK_DIR, value, "is not a ZooKeeper path: " + e.getMessage());
        }
        return dir.equals("/") ? "" : dir;
    }

    /** A duration in Spark's form: a whole number with ms, s, m, min or h; a bare number means milliseconds. */
    static int durationMs(Map<String, String> conf, String key, int defaultMs) {
        String value = conf.get(key);
        if (value == null) {
            return defaultMs;
        }
        long ms = Durations.parseMs(key, value, 1);
        if (ms > Integer.MAX_VALUE) {
            throw bad(key, value, "must be between 1 ms and " + Integer.MAX_VALUE + " ms");
        }
        return (int) ms;
    }

    private static String required(Map<String, String> conf, String key, String when) {
        String value = conf.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(key + " is required " + when);
        }
        return value.strip();
    }

    private static IllegalArgumentException bad(String key, String value, String problem) {
        return new IllegalArgumentException(key + "='" + value + "' " + problem);
    }
}
