package cluster.sim;

import cluster.messages.Message;

import java.util.Map;

/**
 * A message on the simulated wire.
 *
 * @param msgId       the sender's counter for it (a duplicate keeps the id: it is the same send)
 * @param vectorClock the sender's vector clock at the send; null when tracing is off
 * @param sentAtMs    when it left (for the report's arrows)
 */
record InFlight(String from, String to, long msgId, Message message, Map<String, Long> vectorClock, long sentAtMs) {
}
