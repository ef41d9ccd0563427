package cluster.trace;

import cluster.messages.Message;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of one node, as its runtime records it: the spec action a core named (see
 * {@link cluster.core.Effect.TraceEvent}), where it sits in the node's history (sequence number,
 * vector clock), the message it consumed (if any), the messages it sent, and the node-local spec
 * variables it changed, by their spec names.
 *
 * @param node        node id, e.g. {@code master@127.0.0.1:7077}
 * @param seq         1, 2, 3, ... per node, with no gap
 * @param vectorClock node id → number of that node's events this one happens after (its own entry is {@code seq})
 * @param action      exact name of a TLA+ action of spec/tla/SparkStandalone.tla
 * @param received    the message consumed by this step, or null (timers, process events, coordination events)
 * @param sent        the messages this step sent, in order
 * @param changed     spec variable name → its new value (strings, numbers, booleans, lists, maps)
 */
public record TraceEntry(String node, long seq, Map<String, Long> vectorClock, String action, MessageRef received,
                         List<MessageRef> sent, Map<String, Object> changed) {

    /** A message on the wire: sender, receiver, the sender's id for it, and the message itself. */
    public record MessageRef(String from, String to, long msgId, Message message) {
        public MessageRef {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(message, "message");
        }
    }

    public TraceEntry {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(action, "action");
        vectorClock = Map.copyOf(vectorClock);
        sent = List.copyOf(sent);
        changed = Map.copyOf(changed);
    }
}
