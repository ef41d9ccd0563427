package cluster.coordination;

import org.apache.zookeeper.server.ServerCnxnFactory;
import org.apache.zookeeper.server.ZooKeeperServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A single-node ZooKeeper server inside this JVM, for high availability on one machine with nothing to
 * install ({@code bin/cluster zookeeper}) and for tests. Not replicated: it is as available as its process.
 *
 * <p>The tick is short (default {@value #DEFAULT_TICK_MS} ms, ZooKeeper's own is 2 s) because ZooKeeper
 * expires sessions on tick boundaries and refuses session timeouts under two ticks: with a 2 s tick a
 * client asking for a 1 s session silently gets 4 s, and a failover takes that long. The longest session
 * allowed is raised to {@value #MAX_SESSION_MS} ms so long timeouts still work with a short tick.
 */
public final class EmbeddedZooKeeper implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedZooKeeper.class);
    public static final int DEFAULT_TICK_MS = 100;
    public static final int MAX_SESSION_MS = 120_000;
    private static final int MAX_CLIENT_CONNECTIONS = 100;

    private final ServerCnxnFactory connections;
    private final ZooKeeperServer server;
    private final Path dataDir;
    private final boolean ownDataDir;
    private final String host;
    private final AtomicBoolean closed = new AtomicBoolean();

    private EmbeddedZooKeeper(ServerCnxnFactory connections, ZooKeeperServer server, Path dataDir,
                              boolean ownDataDir, String host) {
        this.connections = connections;
        this.server = server;
        this.dataDir = dataDir;
        this.ownDataDir = ownDataDir;
        this.host = host;
    }

    /**
     * Starts a server on {@code host:port} (port 0: any free port).
     *
     * @param dataDir where snapshots and the transaction log go (kept after close); null: a temporary
     *                directory, deleted on close
     */
    public static EmbeddedZooKeeper start(String host, int port, Path dataDir, int tickMs) throws IOException {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535: " + port);
        }
        if (tickMs < 1) {
            throw new IllegalArgumentException("tick time must be at least 1 ms: " + tickMs);
        }
        boolean own = dataDir == null;
        Path dir = own ? Files.createTempDirectory("zookeeper-") : Files.createDirectories(dataDir);
        ServerCnxnFactory connections = null;
        try {
            ZooKeeperServer server = new ZooKeeperServer(dir.toFile(), dir.toFile(), tickMs);
            server.setMinSessionTimeout(2 * tickMs);
            server.setMaxSessionTimeout(Math.max(20 * tickMs, MAX_SESSION_MS));
            connections = ServerCnxnFactory.createFactory(new InetSocketAddress(host, port), MAX_CLIENT_CONNECTIONS);
            connections.startup(server);
            LOG.info("ZooKeeper serving on {}:{}, data in {}, tick {} ms", host, connections.getLocalPort(), dir, tickMs);
            return new EmbeddedZooKeeper(connections, server, dir, own, host);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cleanUpFailedStart(connections, own, dir);
            throw new IOException("interrupted while starting ZooKeeper", e);
        } catch (IOException | RuntimeException e) {
            cleanUpFailedStart(connections, own, dir);
            throw e;
        }
    }

    private static void cleanUpFailedStart(ServerCnxnFactory connections, boolean ownDataDir, Path dataDir) {
        if (connections != null) {
            connections.shutdown();
        }
        if (ownDataDir) {
            deleteTree(dataDir);
        }
    }

    /** A server on 127.0.0.1, any free port, a temporary data directory. */
    public static EmbeddedZooKeeper startLocal(int tickMs) throws IOException {
        return start("127.0.0.1", 0, null, tickMs);
    }

    public int port() {
        return connections.getLocalPort();
    }

    /** What a client connects to ({@code spark.deploy.zookeeper.url}). */
    public String connectString() {
        return host + ":" + port();
    }

    public Path dataDir() {
        return dataDir;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        connections.shutdown();
        server.shutdown();
        if (ownDataDir) {
            deleteTree(dataDir);
        }
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("deleting ZooKeeper's temporary data directory " + root, e);
        }
    }
}
