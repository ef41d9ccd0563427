package cluster.runtime.maelstrom;

import cluster.messages.Envelope;
import cluster.messages.MasterStateResponse;
import cluster.runtime.NodeRuntime;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A master's answer to the harness's {@value #REQUEST} request, outside the protocol (as {@code bin/cluster status}
 * over TCP): its view of workers, apps and executors, read on its loop, as a {@link MasterStateResponse} in a
 * {@value MaelstromStdio#CLUSTER}-style body of type {@value #REPLY}.
 */
public final class MaelstromStatus {

    public static final String REQUEST = "status";
    public static final String REPLY = "status_ok";

    private MaelstromStatus() {
    }

    static ObjectNode reply(NodeRuntime runtime, Supplier<MasterStateResponse> status) {
        MasterStateResponse response;
        try {
            response = runtime.loop().submit(status::get).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            return MaelstromStdio.error(MaelstromStdio.TEMPORARILY_UNAVAILABLE, "the node loop did not answer: " + e);
        }
        ObjectNode body = MaelstromStdio.clusterBody(Envelope.of(runtime.nodeId(), "harness", 1, response));
        return body.put("type", REPLY);
    }

    /** The status inside a {@value #REPLY} body. */
    public static MasterStateResponse of(JsonNode body) {
        if (!body.path("type").asText().equals(REPLY)) {
            throw new IllegalStateException("not a status: " + body);
        }
        return (MasterStateResponse) MaelstromStdio.envelopeOf(body).body;
    }
}
