package cluster.transport;

import cluster.messages.Envelope;
import cluster.messages.Heartbeat;
import cluster.messages.codec.BinaryEnvelopeCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.DataOutputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared-secret authentication: the right secret works; anyone else is refused, logged, and never heard. */
class TransportAuthTest {

    private static final TransportConfig SECRET = TransportConfig.defaults().withSecret("correct horse battery staple");
    private static final TransportConfig OTHER_SECRET = TransportConfig.defaults().withSecret("wrong");

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

    @Test
    void theRightSecretConnectsAndCarriesEnvelopesBothWays() throws Exception {
        TestNode master = node("master", SECRET);
        TestNode worker = node("worker", SECRET);
        Connection toMaster = worker.transport.connect("127.0.0.1", listen(master)).get(10, TimeUnit.SECONDS);
        worker.next("connected");
        Connection fromWorker = master.next("connected").connection();

        toMaster.send(Envelope.of("w", "m", 1, new Heartbeat("w")));
        assertEquals(new Heartbeat("w"), master.next("envelope").envelope().body);
        fromWorker.send(Envelope.of("m", "w", 1, new Heartbeat("reply")));
        assertEquals(new Heartbeat("reply"), worker.next("envelope").envelope().body);
    }

    @Test
    void aWrongSecretIsRefusedAndNothingIsDelivered() throws Exception {
        LogCapture log = capture(ServerAuthHandler.class);
        TestNode master = node("master", SECRET);
        TestNode intruder = node("intruder", OTHER_SECRET);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> intruder.transport.connect("127.0.0.1", listen(master)).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof AuthenticationException, e.getCause().toString());
        // The server proves itself first, so the client with the wrong secret gives up there;
        // the server sees the peer leave mid-handshake. Either way: no connection, no envelope.
        master.expectNothing(500);
        intruder.expectNothing(0);
        assertTrue(log.anyWarningContains("refused connection"), log.warnings().toString());
    }

    @Test
    void aClientThatForgesTheServerProofCheckIsStillRefusedByTheServer() throws Exception {
        LogCapture log = capture(ServerAuthHandler.class);
        TestNode master = node("master", SECRET);
        int port = listen(master);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] hello = new byte[40];
            System.arraycopy("CCMAUTH1".getBytes(), 0, hello, 0, 8);
            out.writeInt(hello.length);
            out.write(hello);
            out.writeInt(32);
            out.write(new byte[32]); // a guessed proof
            out.flush();
            TransportTest.assertClosedByPeer(socket);
        }
        master.expectNothing(300);
        assertTrue(log.anyWarningContains("does not know the shared secret"), log.warnings().toString());
    }

    @Test
    void aPeerWithoutASecretIsRefusedAndItsEnvelopesNeverArrive() throws Exception {
        LogCapture log = capture(ServerAuthHandler.class);
        TestNode master = node("master", SECRET);
        TestNode plain = node("plain", TransportConfig.defaults());
        // Without a secret the client does no handshake; its first envelope is refused by the server.
        Connection connection = plain.transport.connect("127.0.0.1", listen(master)).get(10, TimeUnit.SECONDS);
        plain.next("connected");
        connection.send(Envelope.of("p", "m", 1, new Heartbeat("p")));
        plain.next("disconnected");
        master.expectNothing(300);
        assertTrue(log.anyWarningContains("refused connection"), log.warnings().toString());
    }

    @Test
    void aRawEnvelopeFrameIsRefusedBeforeAuthentication() throws Exception {
        LogCapture log = capture(ServerAuthHandler.class);
        TestNode master = node("master", SECRET);
        int port = listen(master);
        byte[] frame = new BinaryEnvelopeCodec().encode(Envelope.of("x", "m", 1, new Heartbeat("x")));
        try (Socket socket = new Socket("127.0.0.1", port)) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            for (int i = 0; i < 3; i++) {
                out.writeInt(frame.length);
                out.write(frame);
            }
            out.flush();
            TransportTest.assertClosedByPeer(socket);
        }
        master.expectNothing(300);
        assertTrue(log.anyWarningContains("not an authentication hello"), log.warnings().toString());
    }

    @Test
    void aClientWithASecretRefusesAServerWithout() throws Exception {
        TestNode master = node("master", TransportConfig.defaults());
        TestNode worker = node("worker", SECRET);
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> worker.transport.connect("127.0.0.1", listen(master)).get(10, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof AuthenticationException, e.getCause().toString());
        worker.expectNothing(0);
    }

    @Test
    void aSilentPeerIsDroppedAfterTheHandshakeTimeout() throws Exception {
        LogCapture log = capture(ServerAuthHandler.class);
        TestNode master = node("master", SECRET.withHandshakeTimeout(Duration.ofMillis(300)));
        try (Socket socket = new Socket("127.0.0.1", listen(master))) {
            TransportTest.assertClosedByPeer(socket);
        }
        assertTrue(log.anyWarningContains("did not authenticate within"), log.warnings().toString());
        master.expectNothing(0);
    }
}
