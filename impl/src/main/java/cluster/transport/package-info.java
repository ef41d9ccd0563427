/**
 * TCP between nodes (Netty 4.2, NIO): {@link cluster.transport.Transport} listens and connects,
 * {@link cluster.transport.Connection} sends, {@link cluster.transport.EnvelopeHandler} receives
 * on the node's single event loop. Frames are a 4-byte length and one binary envelope, at most
 * {@code spark.rpc.message.maxSize} MiB; with {@code spark.authenticate} a shared-secret
 * challenge-response handshake comes first. A bad frame or a failed handshake closes that one
 * connection, with a logged reason.
 */
package cluster.transport;
