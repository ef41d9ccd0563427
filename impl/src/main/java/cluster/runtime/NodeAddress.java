package cluster.runtime;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Node ids of the real runtime. A node others must be able to reach is named {@code role@host:port}
 * (masters, workers, drivers): the id is its address, so any node can dial any id it learns from a message
 * or a persisted record, and a worker keeps its id across restarts on the same port. Executor processes only
 * dial their driver; their ids ({@code executor-<app>-<id>}) are reached over the connection they opened.
 */
public record NodeAddress(String role, String host, int port) {

    private static final Pattern DIALABLE = Pattern.compile("([a-z]+)@([^:@/\\s]+):(\\d{1,5})");
    private static final Pattern SPARK_URL = Pattern.compile("spark://([^:@/\\s]+):(\\d{1,5})/?");

    public NodeAddress {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
    }

    public static NodeAddress master(String host, int port) {
        return new NodeAddress("master", host, port);
    }

    /** The node id: {@code role@host:port}. */
    public String nodeId() {
        return role + "@" + host + ":" + port;
    }

    public String sparkUrl() {
        return "spark://" + host + ":" + port;
    }

    /** The address inside a dialable node id, or null for ids that cannot be dialled (executors). */
    public static NodeAddress parse(String nodeId) {
        Matcher m = DIALABLE.matcher(nodeId);
        return m.matches() ? new NodeAddress(m.group(1), m.group(2), Integer.parseInt(m.group(3))) : null;
    }

    public static String executorId(String appId, int execId) {
        return "executor-" + appId + "-" + execId;
    }

    /**
     * Master node ids from Spark's master URL: {@code spark://host:port[,host:port...]}.
     *
     * @throws IllegalArgumentException naming what is wrong with the URL
     */
    public static java.util.List<String> mastersFromUrl(String url) {
        if (url == null || !url.startsWith("spark://")) {
            throw new IllegalArgumentException("a master URL looks like spark://host:port[,host:port...], got " + url);
        }
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (String part : url.substring("spark://".length()).split(",")) {
            Matcher m = SPARK_URL.matcher("spark://" + part.trim());
            if (!m.matches()) {
                throw new IllegalArgumentException("bad master address '" + part + "' in " + url
                        + " (expected host:port)");
            }
            int port = Integer.parseInt(m.group(2));
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("port out of range in " + url + ": " + port);
            }
            ids.add(master(m.group(1), port).nodeId());
        }
        return ids;
    }
}
