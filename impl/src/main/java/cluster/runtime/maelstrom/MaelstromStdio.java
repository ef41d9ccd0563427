package cluster.runtime.maelstrom;

import cluster.messages.Envelope;
import cluster.messages.codec.JsonEnvelopeCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A node's end of the Maelstrom node protocol: one JSON object per line, {@code {"src","dest","body"}}, read from
 * stdin and written to stdout (nothing else may go there; logs go to stderr). It answers {@code init} with
 * {@code init_ok}, numbers what it sends with {@code msg_id}, matches replies by {@code in_reply_to}, and carries
 * the cluster's envelopes in bodies of type {@value #CLUSTER}, the envelope as Chronicle Wire JSON
 * ({@link JsonEnvelopeCodec}). When stdin ends the harness is gone, and so is the node.
 */
public final class MaelstromStdio {

    /** Body type of a message that carries one of the cluster's envelopes under {@value #ENVELOPE}. */
    public static final String CLUSTER = "cluster";
    public static final String ENVELOPE = "envelope";
    /** Maelstrom's error codes this node uses: 10 not supported, 11 temporarily unavailable. */
    static final int NOT_SUPPORTED = 10;
    static final int TEMPORARILY_UNAVAILABLE = 11;

    private static final Logger LOG = LoggerFactory.getLogger(MaelstromStdio.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ThreadLocal<JsonEnvelopeCodec> CODEC = ThreadLocal.withInitial(() -> {
        cluster.messages.codec.WireSelfCheck.verifyJson();
        return new JsonEnvelopeCodec();
    });

    /** What {@code init} said: this node's id and every node's. */
    public record Init(String nodeId, List<String> nodeIds) {
    }

    private final PrintStream out;
    private final AtomicLong msgIds = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonNode>> calls = new ConcurrentHashMap<>();
    private final CompletableFuture<Init> init = new CompletableFuture<>();
    private final Map<String, Function<JsonNode, ObjectNode>> handlers = new ConcurrentHashMap<>();
    private volatile Consumer<Envelope> envelopes;

    /** @param out the process's real stdout, taken before anything could log to it */
    public MaelstromStdio(PrintStream out) {
        this.out = out;
    }

    /** Reads stdin on its own thread; at its end the process exits (the harness that started it is gone). */
    public void start(InputStream in, Runnable atEnd) {
        Thread reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    if (!line.isBlank()) {
                        handle(line);
                    }
                }
            } catch (IOException e) {
                LOG.warn("stdin failed: {}", e.toString());
            }
            atEnd.run();
        }, "maelstrom-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    /** Waits for {@code init} (the harness sends it first). */
    public Init awaitInit(long timeoutMs) throws Exception {
        return init.get(timeoutMs, TimeUnit.MILLISECONDS);
    }

    /** Where arriving envelopes go (from the stdin thread); until set, they are dropped as the protocol allows. */
    public void onEnvelope(Consumer<Envelope> consumer) {
        this.envelopes = consumer;
    }

    /** Answers requests of body type {@code type} with the handler's reply body (called on the stdin thread). */
    public void onRequest(String type, Function<JsonNode, ObjectNode> handler) {
        handlers.put(type, handler);
    }

    /** Sends one of the cluster's envelopes to its {@code dest}. From any thread. */
    public void sendEnvelope(Envelope envelope) {
        send(envelope.dest, clusterBody(envelope));
    }

    /** A body of type {@value #CLUSTER} carrying {@code envelope}. */
    public static ObjectNode clusterBody(Envelope envelope) {
        ObjectNode body = JSON.createObjectNode().put("type", CLUSTER);
        body.putRawValue(ENVELOPE, new RawValue(CODEC.get().encode(envelope)));
        return body;
    }

    /** The envelope inside a body of type {@value #CLUSTER}. */
    public static Envelope envelopeOf(JsonNode body) {
        JsonNode envelope = body.get(ENVELOPE);
        if (envelope == null || !envelope.isObject()) {
            throw new IllegalArgumentException("a '" + CLUSTER + "' body needs an object '" + ENVELOPE + "'");
        }
        return CODEC.get().decode(envelope.toString());
    }

    /** Sends a request and completes with the reply's body (an {@code error} body too); fails after the timeout. */
    public CompletableFuture<JsonNode> call(String dest, ObjectNode body, long timeoutMs) {
        long id = msgIds.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        calls.put(id, reply);
        body.put("msg_id", id);
        write(dest, body);
        return reply.orTimeout(timeoutMs, TimeUnit.MILLISECONDS).whenComplete((r, e) -> calls.remove(id));
    }

    /** Sends a message with a fresh {@code msg_id}. */
    public void send(String dest, ObjectNode body) {
        body.put("msg_id", msgIds.incrementAndGet());
        write(dest, body);
    }

    public static ObjectNode body(String type) {
        return JSON.createObjectNode().put("type", type);
    }

    private void write(String dest, ObjectNode body) {
        Init me = init.getNow(null);
        ObjectNode message = JSON.createObjectNode();
        message.put("src", me == null ? "" : me.nodeId());
        message.put("dest", dest);
        message.set("body", body);
        String line = message.toString();
        synchronized (out) {
            out.print(line);
            out.print('\n');
            out.flush();
        }
    }

    private void handle(String line) {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (IOException e) {
            LOG.warn("not a JSON line on stdin, ignored: {}", abbreviate(line));
            return;
        }
        JsonNode body = message.get("body");
        if (body == null || !body.path("type").isTextual() || !message.path("src").isTextual()) {
            LOG.warn("not a Maelstrom message (src and body.type are required), ignored: {}", abbreviate(line));
            return;
        }
        String src = message.get("src").asText();
        String type = body.get("type").asText();
        JsonNode inReplyTo = body.get("in_reply_to");
        if (inReplyTo != null && inReplyTo.canConvertToLong()) {
            CompletableFuture<JsonNode> call = calls.remove(inReplyTo.asLong());
            if (call != null) {
                call.complete(body);
            }
            return;
        }
        if (type.equals("init")) {
            initialise(src, body);
        } else if (!init.isDone()) {
            reply(src, body, error(TEMPORARILY_UNAVAILABLE, "not initialised yet"));
        } else if (type.equals(CLUSTER)) {
            deliver(body);
        } else if (handlers.containsKey(type)) {
            reply(src, body, handlers.get(type).apply(body));
        } else {
            reply(src, body, error(NOT_SUPPORTED, "this node does not take '" + type + "'"));
        }
    }

    private void initialise(String src, JsonNode body) {
        if (!body.path("node_id").isTextual()) {
            reply(src, body, error(12, "init needs node_id"));
            return;
        }
        List<String> ids = new ArrayList<>();
        body.path("node_ids").forEach(n -> ids.add(n.asText()));
        if (!init.complete(new Init(body.get("node_id").asText(), List.copyOf(ids)))) {
            LOG.warn("a second init from {} ignored", src);
        }
        reply(src, body, body("init_ok"));
    }

    private void deliver(JsonNode body) {
        Envelope envelope;
        try {
            envelope = envelopeOf(body);
        } catch (RuntimeException e) {
            LOG.warn("undecodable cluster message dropped: {}", e.getMessage());
            return;
        }
        Consumer<Envelope> consumer = envelopes;
        if (consumer != null) {
            consumer.accept(envelope);
        }
    }

    private void reply(String dest, JsonNode request, ObjectNode reply) {
        if (request.has("msg_id")) {
            reply.set("in_reply_to", request.get("msg_id"));
            send(dest, reply);
        }
    }

    static ObjectNode error(int code, String text) {
        return body("error").put("code", code).put("text", text);
    }

    private static String abbreviate(String line) {
        return line.length() <= 200 ? line : line.substring(0, 200) + "...";
    }
}
