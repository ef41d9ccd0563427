package cluster.runtime.maelstrom;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A client of the harness's linearizable key-value service, Maelstrom's {@code lin-kv}: {@code read},
 * {@code write}, {@code cas} on string values. A definite refusal (key missing, value differs) is an answer; any
 * other error or a timeout fails the future, since the operation may or may not have happened.
 */
public final class LinKv {

    /** The service's node id. */
    public static final String SERVICE = "lin-kv";
    /** Maelstrom's codes: the key does not exist; the value was not the one expected. */
    public static final int KEY_DOES_NOT_EXIST = 20;
    public static final int PRECONDITION_FAILED = 22;

    private final MaelstromStdio stdio;
    private final long timeoutMs;

    public LinKv(MaelstromStdio stdio, long timeoutMs) {
        this.stdio = stdio;
        this.timeoutMs = timeoutMs;
    }

    /** The value of {@code key}, or empty when it has none. */
    public CompletableFuture<Optional<String>> read(String key) {
        return stdio.call(SERVICE, MaelstromStdio.body("read").put("key", key), timeoutMs).thenApply(reply -> {
            if (isError(reply, KEY_DOES_NOT_EXIST)) {
                return Optional.empty();
            }
            return Optional.of(expect(reply, "read_ok").path("value").asText());
        });
    }

    /**
     * Sets {@code key} to {@code to} if it holds {@code from}; with {@code from == null}, only if it has no value.
     * True if it was set, false if the value was another.
     */
    public CompletableFuture<Boolean> cas(String key, String from, String to) {
        var body = MaelstromStdio.body("cas").put("key", key).put("to", to);
        if (from == null) {
            body.put("from", "").put("create_if_not_exists", true); // no value is ever ""
        } else {
            body.put("from", from);
        }
        return stdio.call(SERVICE, body, timeoutMs).thenApply(reply -> {
            if (isError(reply, PRECONDITION_FAILED) || isError(reply, KEY_DOES_NOT_EXIST)) {
                return false;
            }
            expect(reply, "cas_ok");
            return true;
        });
    }

    private static boolean isError(JsonNode reply, int code) {
        return reply.path("type").asText().equals("error") && reply.path("code").asInt(-1) == code;
    }

    private static JsonNode expect(JsonNode reply, String type) {
        if (!reply.path("type").asText().equals(type)) {
            throw new IllegalStateException(SERVICE + " answered " + reply + ", not " + type);
        }
        return reply;
    }
}
