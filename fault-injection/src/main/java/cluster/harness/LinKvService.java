package cluster.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The harness's linearizable key-value service, as Maelstrom's {@code lin-kv}: {@code read}, {@code write} and
 * {@code cas} (with {@code create_if_not_exists}), errors 20 (no such key), 22 (precondition failed), 10 (not
 * supported). One lock makes every operation atomic and in one order, which is linearizability for a single copy.
 * Every value written is kept in order, for the checker ({@link #history}).
 */
final class LinKvService implements Consumer<String> {

    static final String ID = "lin-kv";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HarnessNetwork network;
    private final Map<String, JsonNode> values = new HashMap<>();
    private final List<JsonNode> history = new ArrayList<>();
    private long msgIds;

    LinKvService(HarnessNetwork network) {
        this.network = network;
    }

    @Override
    public synchronized void accept(String line) {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (IOException e) {
            return;
        }
        JsonNode body = message.path("body");
        ObjectNode reply = answer(body);
        reply.set("in_reply_to", body.get("msg_id"));
        reply.put("msg_id", ++msgIds);
        ObjectNode out = JSON.createObjectNode().put("src", ID).put("dest", message.path("src").asText());
        out.set("body", reply);
        network.send(out.toString());
    }

    private ObjectNode answer(JsonNode body) {
        String key = body.path("key").asText();
        JsonNode current = values.get(key);
        switch (body.path("type").asText()) {
            case "read":
                return current == null ? error(20, "key does not exist")
                        : JSON.createObjectNode().put("type", "read_ok").set("value", current);
            case "write":
                store(key, body.get("value"));
                return JSON.createObjectNode().put("type", "write_ok");
            case "cas":
                if (current == null && !body.path("create_if_not_exists").asBoolean(false)) {
                    return error(20, "key does not exist");
                }
                if (current != null && !current.equals(body.get("from"))) {
                    return error(22, "current value is not 'from'");
                }
                store(key, body.get("to"));
                return JSON.createObjectNode().put("type", "cas_ok");
            default:
                return error(10, "lin-kv does not take '" + body.path("type").asText() + "'");
        }
    }

    private void store(String key, JsonNode value) {
        values.put(key, value);
        history.add(JSON.createObjectNode().put("key", key).set("value", value));
    }

    private static ObjectNode error(int code, String text) {
        return JSON.createObjectNode().put("type", "error").put("code", code).put("text", text);
    }

    /** Every value written, in order: {@code {"key","value"}}. */
    synchronized List<JsonNode> history() {
        return List.copyOf(history);
    }

    synchronized JsonNode value(String key) {
        return values.get(key);
    }
}
