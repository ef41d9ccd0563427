package cluster.harness;

import cluster.core.Input;
import cluster.driver.DriverConfig;
import cluster.driver.DriverCore;
import cluster.messages.ApplicationDescription;
import cluster.messages.Envelope;
import cluster.runtime.DriverNode;
import cluster.runtime.NodeAddress;
import cluster.runtime.NodeHost;
import cluster.runtime.NodeRuntime;
import cluster.runtime.Traces;
import cluster.runtime.maelstrom.MaelstromStdio;
import cluster.transport.TransportConfig;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A driver of the workload, inside the harness (Spark's client deploy mode): its core talks to the masters over
 * the harness network, like every node, while its executors, real processes started by the workers, reach it over
 * loopback TCP, where it listens; the executors' registration and tasks are not what the nemesis aims at, and an
 * executor started by a worker lives on that worker's host.
 */
final class HarnessDriver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final NodeHost host;
    private final DriverCore core;
    private final NodeRuntime runtime;
    private final Integer coresPerExecutor;

    private HarnessDriver(NodeHost host, DriverCore core, NodeRuntime runtime, Integer coresPerExecutor) {
        this.host = host;
        this.core = core;
        this.runtime = runtime;
        this.coresPerExecutor = coresPerExecutor;
    }

    /** Starts a driver whose app asks for {@code description}; its messages go out through {@code network}. */
    static HarnessDriver start(HarnessNetwork network, List<String> masters, ApplicationDescription description,
            String traceDir) throws InterruptedException {
        NodeHost host = new NodeHost("driver", TransportConfig.defaults());
        InetSocketAddress bound = host.listen("127.0.0.1", 0);
        String nodeId = new NodeAddress("driver", "127.0.0.1", bound.getPort()).nodeId();
        description.command = new ArrayList<>(DriverNode.executorCommand(nodeId, description.memoryPerExecutorMb, traceDir));
        DriverCore core = new DriverCore(new DriverConfig(UUID.randomUUID().toString(), "spark://" + nodeId.substring(
                "driver@".length()), description, masters, 500, 500));
        AtomicLong msgIds = new AtomicLong();
        host.router().attach(envelope -> {
            ObjectNode line = JSON.createObjectNode().put("src", nodeId).put("dest", envelope.dest);
            line.set("body", MaelstromStdio.clusterBody(envelope).put("msg_id", msgIds.incrementAndGet()));
            network.send(line.toString());
        });
        NodeRuntime runtime = host.start(nodeId, core::step, NodeRuntime.ProcessControl.NONE,
                Traces.in(traceDir).apply(nodeId));
        HarnessDriver driver = new HarnessDriver(host, core, runtime, description.coresPerExecutor);
        network.attach(nodeId, driver::receive);
        runtime.submit(new Input.Started(false));
        return driver;
    }

    private void receive(String line) {
        Envelope envelope;
        try {
            JsonNode body = JSON.readTree(line).path("body");
            if (!body.path("type").asText().equals(MaelstromStdio.CLUSTER)) {
                return;
            }
            envelope = MaelstromStdio.envelopeOf(body);
        } catch (IOException | RuntimeException e) {
            return;
        }
        runtime.execute(() -> host.router().deliver(envelope));
    }

    String nodeId() {
        return runtime.nodeId();
    }

    /** The app id a master gave, or null before registration. */
    String appId() {
        return host.call(() -> core.state().appId());
    }

    Integer coresPerExecutor() {
        return coresPerExecutor;
    }

    /**
     * The app is over: stopped, or removed by a master (ApplicationRemoved, e.g. a recovery that did not hear
     * from it), on which Spark's driver stops too; its executors must go, and it asks for none.
     */
    boolean ended() {
        return host.call(() -> core.state().phase() == cluster.driver.DriverState.Phase.DONE);
    }

    /** Executors registered with this driver now. */
    Set<Integer> executors() {
        return host.call(() -> Set.copyOf(core.state().executors()));
    }

    /** Ends the app (UnregisterApplication), as a job that finished. */
    void stop() {
        runtime.submit(new Input.StopRequested());
    }

    @Override
    public void close() {
        host.close();
    }
}
