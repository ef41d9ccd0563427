package cluster.e2e;

import cluster.messages.MasterStateResponse;
import cluster.runtime.NodeAddress;
import cluster.runtime.StatusClient;
import cluster.transport.TransportConfig;
import org.junit.jupiter.api.Test;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A real master faced with garbage and with peers that lack the shared secret: it refuses them and keeps serving. */
class HostileInputTest {

    @Test
    void aMalformedFrameClosesOnlyThatConnection() throws Exception {
        try (RealCluster cluster = new RealCluster(List.of(), new int[] {1}, "512m")) {
            NodeAddress master = NodeAddress.parse(cluster.masterId());
            for (byte[] frame : new byte[][] {"not a frame at all".getBytes(), {0, 0, 0, 5, 1, 2, 3, 4, 5},
                    {0x7f, 0, 0, 0}}) {
                try (Socket socket = new Socket(master.host(), master.port())) {
                    socket.setSoTimeout(30_000);
                    DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                    out.write(frame);
                    out.flush();
                    InputStream in = socket.getInputStream();
                    assertEquals(-1, in.read(), "the master closes the connection");
                }
            }
            MasterStateResponse status = cluster.status();
            assertEquals(1, status.workers.size(), "the master still serves and still has its worker");
            String log = Files.readString(cluster.master.log());
            assertTrue(log.contains("closing"), "the reason is logged:\n" + log);
        }
    }

    @Test
    void withASharedSecretOnlyPeersThatKnowItGetIn() throws Exception {
        List<String> secret = List.of("spark.authenticate=true", "spark.authenticate.secret=s3cret-for-e2e");
        try (RealCluster cluster = new RealCluster(secret, new int[] {2}, "1g", secret)) {
            // Workers (and their executors, through the environment) know the secret: an app runs.
            Commands.Run run = Commands.run(300, "submit", "--master", cluster.master.address(), "--executor-cores", "1",
                    "--executor-memory", "256m", "--tasks", "4", "--samples-per-task", "1000",
                    "--conf", secret.get(0), "--conf", secret.get(1), "--trace-dir", cluster.traceDir.toString());
            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("Pi is roughly"), run.out());
            // A client without it is refused.
            try (StatusClient stranger = new StatusClient(TransportConfig.defaults())) {
                assertNull(stranger.askAll(List.of(cluster.masterId()), 5000).get(0));
            }
            await().atMost(RealCluster.PATIENCE).until(() -> Files.readString(cluster.master.log()).contains("refused connection"));
        }
    }
}
