package cluster.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cluster.coordination.EmbeddedZooKeeper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.Watcher;
import org.apache.zookeeper.ZooDefs;
import org.apache.zookeeper.ZooKeeper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code bin/cluster zookeeper} in this JVM: it serves clients until stopped, and bad flags are named. */
class ZooKeeperCommandTest {

    @TempDir
    Path dataDir;

    /** Output that tells when its first line is complete. */
    private static final class FirstLine extends Writer {
        final StringBuilder text = new StringBuilder();
        final CountDownLatch done = new CountDownLatch(1);

        @Override
        public synchronized void write(char[] chars, int off, int len) {
            text.append(chars, off, len);
            if (text.indexOf("\n") >= 0) {
                done.countDown();
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        synchronized String line() {
            return text.substring(0, text.indexOf("\n"));
        }
    }

    @Test
    void servesUntilStoppedAndPrintsTheAddress() throws Exception {
        ZooKeeperCommand command = new ZooKeeperCommand();
        CommandLine cl = new CommandLine(command);
        FirstLine out = new FirstLine();
        cl.setOut(new PrintWriter(out, true));
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(
                () -> cl.execute("--port", "0", "--data-dir", dataDir.toString(), "--tick-time", "50"));
        try {
            assertTrue(out.done.await(30, TimeUnit.SECONDS), "no address printed");
            String line = out.line();
            assertTrue(line.startsWith(ZooKeeperCommand.READY + "127.0.0.1:"), line);
            String address = line.substring(ZooKeeperCommand.READY.length()).split(" ")[0];

            CountDownLatch connected = new CountDownLatch(1);
            ZooKeeper client = new ZooKeeper(address, 2000, event -> {
                if (event.getState() == Watcher.Event.KeeperState.SyncConnected) {
                    connected.countDown();
                }
            });
            try {
                assertTrue(connected.await(30, TimeUnit.SECONDS), "cannot connect to " + address);
                client.create("/hello", "x".getBytes(StandardCharsets.UTF_8), ZooDefs.Ids.OPEN_ACL_UNSAFE,
                        CreateMode.PERSISTENT);
                assertEquals("x", new String(client.getData("/hello", false, null), StandardCharsets.UTF_8));
            } finally {
                client.close();
            }
        } finally {
            command.stop();
        }
        assertEquals(0, exit.get(30, TimeUnit.SECONDS));
        try (var files = Files.list(dataDir)) {
            assertTrue(files.findAny().isPresent(), "a given data dir is kept");
        }
    }

    @Test
    void aTakenPortIsReportedNamingThePort() throws Exception {
        try (EmbeddedZooKeeper taken = EmbeddedZooKeeper.startLocal(50)) {
            StringWriter err = new StringWriter();
            CommandLine cl = new CommandLine(new ZooKeeperCommand());
            cl.setErr(new PrintWriter(err));
            assertEquals(1, cl.execute("--port", Integer.toString(taken.port())));
            assertTrue(err.toString().contains("--port " + taken.port()), err.toString());
        }
    }

    @Test
    void badFlagsExitTwoNamingTheFlag() {
        assertBad("--port", "--port", "-1");
        assertBad("--port", "--port", "65536");
        assertBad("--port", "--port", "http");
        assertBad("--tick-time", "--tick-time", "0");
    }

    private static void assertBad(String flag, String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new ZooKeeperCommand());
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute(args), String.join(" ", args));
        assertTrue(err.toString().contains(flag), "message should name " + flag + ": " + err);
    }
}
