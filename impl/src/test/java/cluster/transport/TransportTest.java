package cluster.transport;

import cluster.messages.Envelope;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.Heartbeat;
import cluster.messages.LaunchExecutor;
import cluster.messages.LaunchTask;
import cluster.messages.codec.BinaryEnvelopeCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real Netty on loopback: envelopes both ways, and bad frames closing only their own connection. */
class TransportTest {

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable r : resources) {
            r.close();
        }
    }

    private TestNode node(String name, TransportConfig config) {
        TestNode node = new TestNode(name, config);
        resources.add(node);
        return node;
    }

    private LogCapture capture(Class<?> type) {
        LogCapture capture = new LogCapture(type.getName());
        resources.add(capture);
        return capture;
    }

    private static int listen(TestNode node) throws InterruptedException {
        return node.transport.listen("127.0.0.1", 0).getPort();
    }

    private static Connection connect(TestNode node, int port) throws Exception {
        return node.transport.connect("127.0.0.1", port).get(10, TimeUnit.SECONDS);
    }

    @Test
    void envelopesTravelBothWaysInOrderAndHandlersRunOnTheNodeLoop() throws Exception {
        TestNode master = node("master", TransportConfig.defaults());
        TestNode worker = node("worker", TransportConfig.defaults());
        int port = listen(master);
        assertTrue(port > 0);

        Connection toMaster = connect(worker, port);
        assertFalse(toMaster.inbound());
        assertEquals("worker-loop", worker.next("connected").thread());
        Connection fromWorker = master.next("connected").connection();
        assertTrue(fromWorker.inbound());

        for (int i = 0; i < 200; i++) {
            toMaster.send(new Envelope("worker-1", "master-1", i, Map.of("worker-1", (long) i + 1), new Heartbeat("worker-1")));
        }
        for (int i = 0; i < 200; i++) {
            TestNode.Event received = master.next("envelope");
            assertEquals(i, received.envelope().msgId);
            assertEquals("master-loop", received.thread());
            assertTrue(received.connection() == fromWorker);
        }

        Envelope launch = new Envelope("master-1", "worker-1", 1, Map.of("master-1", 5L),
                new LaunchExecutor(2, "worker-1", "app-0001", 0, 4, 2048, List.of("java", "{{EXECUTOR_ID}}")));
        fromWorker.send(launch);
        assertEquals(launch, worker.next("envelope").envelope());

        toMaster.close();
        assertTrue(worker.next("disconnected").connection() == toMaster);
        assertTrue(master.next("disconnected").connection() == fromWorker);
    }

    @Test
    void anOversizedFrameClosesOnlyThatConnection() throws Exception {
        LogCapture log = capture(ConnectionHandler.class);
        TestNode master = node("master", TransportConfig.defaults().withMaxFrameBytes(1024));
        TestNode big = node("big", TransportConfig.defaults());
        TestNode small = node("small", TransportConfig.defaults());
        int port = listen(master);
        Connection bigConnection = connect(big, port);
        master.next("connected");
        Connection smallConnection = connect(small, port);
        master.next("connected");

        bigConnection.send(Envelope.of("big", "master", 1, new LaunchTask(1, "x".repeat(4096))));
        big.next("connected");
        assertTrue(big.next("disconnected").connection() == bigConnection);
        master.next("disconnected");
        assertTrue(log.anyWarningContains("frame over the limit"), log.warnings().toString());

        smallConnection.send(Envelope.of("small", "master", 1, new Heartbeat("small")));
        assertEquals(new Heartbeat("small"), master.next("envelope").envelope().body);
        assertTrue(smallConnection.isOpen());
        connect(big, port).send(Envelope.of("big", "master", 2, new Heartbeat("big")));
        master.next("connected");
        assertEquals(new Heartbeat("big"), master.next("envelope").envelope().body);
    }

    @Test
    void garbageBytesCloseTheConnectionAndAreLogged() throws Exception {
        LogCapture log = capture(ConnectionHandler.class);
        TestNode master = node("master", TransportConfig.defaults());
        int port = listen(master);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            master.next("connected");
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(12);
            out.write("not a frame!".getBytes());
            out.flush();
            assertClosedByPeer(socket);
        }
        master.next("disconnected");
        assertTrue(log.anyWarningContains("undecodable frame"), log.warnings().toString());

        // The server keeps serving.
        TestNode worker = node("worker", TransportConfig.defaults());
        connect(worker, port).send(Envelope.of("w", "m", 1, new Heartbeat("w")));
        master.next("connected");
        assertEquals(new Heartbeat("w"), master.next("envelope").envelope().body);
    }

    @Test
    void aNegativeLengthPrefixClosesTheConnection() throws Exception {
        TestNode master = node("master", TransportConfig.defaults());
        int port = listen(master);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            master.next("connected");
            new DataOutputStream(socket.getOutputStream()).writeInt(-5);
            assertClosedByPeer(socket);
        }
        master.next("disconnected");
    }

    @Test
    void aValidFrameFromARawSocketIsDelivered() throws Exception {
        TestNode master = node("master", TransportConfig.defaults());
        int port = listen(master);
        Envelope sent = Envelope.of("w", "m", 7, new ExecutorStateChanged("w", "app-0001", 3, ExecutorState.RUNNING, null, null));
        byte[] frame = new BinaryEnvelopeCodec().encode(sent);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(frame.length);
            out.write(frame);
            out.flush();
            master.next("connected");
            assertEquals(sent, master.next("envelope").envelope());
        }
    }

    @Test
    void sendingAnOversizedEnvelopeFailsAtTheSenderAndKeepsTheConnection() throws Exception {
        TestNode master = node("master", TransportConfig.defaults());
        TestNode worker = node("worker", TransportConfig.defaults().withMaxFrameBytes(256));
        Connection connection = connect(worker, listen(master));
        assertThrows(IllegalArgumentException.class,
                () -> connection.send(Envelope.of("w", "m", 1, new LaunchTask(1, "x".repeat(1000)))));
        connection.send(Envelope.of("w", "m", 2, new Heartbeat("w")));
        master.next("connected");
        assertEquals(2, master.next("envelope").envelope().msgId);
    }

    @Test
    void connectingToAClosedPortFails() throws Exception {
        TestNode worker = node("worker", TransportConfig.defaults());
        int freePort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> worker.transport.connect("127.0.0.1", freePort).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof IOException, e.getCause().toString());
        worker.expectNothing(200);
    }

    @Test
    void sparkKeysConfigureTheTransport() {
        TransportConfig config = TransportConfig.fromSparkConf(Map.of(
                "spark.rpc.message.maxSize", "16", "spark.authenticate", "true", "spark.authenticate.secret", "s3"));
        assertEquals(16 << 20, config.maxFrameBytes());
        assertTrue(config.authenticates());
        assertFalse(config.toString().contains("s3"));
        assertEquals(128 << 20, TransportConfig.fromSparkConf(Map.of()).maxFrameBytes());
        assertFalse(TransportConfig.fromSparkConf(Map.of("spark.authenticate.secret", "s3")).authenticates());
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.fromSparkConf(Map.of("spark.authenticate", "true")));
        assertThrows(IllegalArgumentException.class, () -> TransportConfig.fromSparkConf(Map.of("spark.rpc.message.maxSize", "4096")));
    }

    /** Reads (and ignores) whatever the peer still sends until it closes; fails after 10 s. */
    static void assertClosedByPeer(Socket socket) throws IOException {
        socket.setSoTimeout(10_000);
        InputStream in = socket.getInputStream();
        try {
            in.readAllBytes();
        } catch (java.net.SocketTimeoutException timeout) {
            throw new AssertionError("the peer should have closed the connection", timeout);
        } catch (java.net.SocketException reset) {
            // a reset is a close too
        }
    }
}
