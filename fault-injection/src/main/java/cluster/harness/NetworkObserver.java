package cluster.harness;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sees every message the harness network carries, at its end: delivered, or lost (dropped by the nemesis, sent to a
 * node that is not running, or held for a node that was killed). Called on the network's thread: keep it short.
 */
interface NetworkObserver {
    NetworkObserver NONE = (from, to, message, sentNanos, endNanos, delivered) -> {
    };

    /** {@code message} is the whole Maelstrom message (src, dest, body); times are {@link System#nanoTime}. */
    void carried(String from, String to, JsonNode message, long sentNanos, long endNanos, boolean delivered);
}
