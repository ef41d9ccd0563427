package cluster.cli;

import cluster.coordination.EmbeddedZooKeeper;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bin/cluster zookeeper}: a single-node ZooKeeper server ({@link EmbeddedZooKeeper}) in the foreground
 * until the process is killed, so several masters on one machine can elect a leader with nothing installed.
 * It prints one line with the address to give the masters as {@code spark.deploy.zookeeper.url}.
 */
@Command(name = "zookeeper", mixinStandardHelpOptions = true,
        description = "Run a single-node ZooKeeper server in the foreground until killed (high availability on one machine).",
        footer = "Exit codes: 0 stopped, 1 could not start (for example the port is taken), 2 bad usage.")
public final class ZooKeeperCommand implements Callable<Integer> {

    /** The first words of the line printed once the server accepts connections; the address follows. */
    public static final String READY = "ZooKeeper serving on ";

    @Option(names = "--port", paramLabel = "P", defaultValue = "2181", converter = PortConverter.class,
            description = "Client port, default ${DEFAULT-VALUE}; 0 picks a free port (printed).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "Address to listen on, default ${DEFAULT-VALUE} (this machine only; ZooKeeper here has no authentication).")
    String host;

    @Option(names = "--data-dir", paramLabel = "D",
            description = "Directory for ZooKeeper's snapshots and log, kept after exit; default a temporary directory deleted on exit.")
    Path dataDir;

    @Option(names = "--tick-time", paramLabel = "MS", defaultValue = "" + EmbeddedZooKeeper.DEFAULT_TICK_MS,
            converter = PlanCommand.PositiveIntConverter.class,
            description = "ZooKeeper's tick in ms, default ${DEFAULT-VALUE}: sessions expire on ticks and may be no "
                    + "shorter than two ticks, so a short tick allows a short spark.deploy.zookeeper.sessionTimeout.")
    int tickMs;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException {
        EmbeddedZooKeeper server;
        try {
            server = EmbeddedZooKeeper.start(host, port, dataDir, tickMs);
        } catch (BindException e) {
            return cannotStart("--port " + port + " on " + host + ": " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            return cannotStart(e.toString());
        }
        Thread hook = new Thread(() -> {
            server.close();
            stop.countDown();
        }, "zookeeper-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        PrintWriter out = spec.commandLine().getOut();
        out.println(READY + server.connectString() + " (data dir " + server.dataDir()
                + (dataDir == null ? ", temporary" : "") + ", tick " + tickMs + " ms); masters: --conf "
                + "spark.deploy.recoveryMode=ZOOKEEPER --conf spark.deploy.zookeeper.url=" + server.connectString());
        out.flush();
        try {
            stop.await();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
                server.close();
            } catch (IllegalStateException e) {
                // the JVM is shutting down: the hook closes the server
            }
        }
        return 0;
    }

    /** Stops a server started by {@link #call()} in this JVM (tests; a real run stops when killed). */
    void stop() {
        stop.countDown();
    }

    private int cannotStart(String why) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("cannot start ZooKeeper: " + why);
        err.flush();
        return 1;
    }

    static final class PortConverter implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            try {
                int port = Integer.parseInt(value);
                if (port >= 0 && port <= 65535) {
                    return port;
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new CommandLine.TypeConversionException("'" + value + "' is not a port number (0..65535)");
        }
    }
}
