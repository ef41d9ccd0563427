package cluster.transport;

import cluster.messages.Envelope;

/**
 * What a node does with its network events. Every method runs on the node's event loop (the
 * {@code Executor} given to {@link Transport}), one call at a time, in the order the events
 * happened on each connection: {@code onConnected}, then its envelopes, then {@code onDisconnected}.
 * So a protocol core driven from here needs no locks. An exception thrown here is logged and
 * does not close the connection.
 */
public interface EnvelopeHandler {

    /** A connection is ready (authenticated, if authentication is on); inbound or outbound. */
    default void onConnected(Connection connection) {
    }

    /** A complete, valid envelope arrived. */
    void onEnvelope(Connection connection, Envelope envelope);

    /** A connection that was reported by {@link #onConnected} is closed, for whatever reason. */
    default void onDisconnected(Connection connection) {
    }
}
