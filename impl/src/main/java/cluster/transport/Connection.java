package cluster.transport;

import cluster.messages.Envelope;
import cluster.messages.codec.BinaryEnvelopeCodec;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.SocketAddress;

/**
 * One TCP connection of a node, in either direction. {@link #send} and {@link #close} may be
 * called from any thread. Delivery is best effort, in order: a failed write closes the
 * connection, which the handler learns from {@link EnvelopeHandler#onDisconnected}; the
 * protocol above is built to survive lost messages.
 */
public final class Connection {

    private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

    /** Encoding happens on the sending thread, so the envelope may be reused as soon as send returns. */
    private static final ThreadLocal<BinaryEnvelopeCodec> CODEC = ThreadLocal.withInitial(BinaryEnvelopeCodec::new);

    private final long id;
    private final Channel channel;
    private final boolean inbound;
    private final int maxFrameBytes;

    Connection(long id, Channel channel, boolean inbound, int maxFrameBytes) {
        this.id = id;
        this.channel = channel;
        this.inbound = inbound;
        this.maxFrameBytes = maxFrameBytes;
    }

    /** Unique within its {@link Transport}. */
    public long id() {
        return id;
    }

    /** True if the peer connected to us, false if we connected to it. */
    public boolean inbound() {
        return inbound;
    }

    public SocketAddress remoteAddress() {
        return channel.remoteAddress();
    }

    public boolean isOpen() {
        return channel.isActive();
    }

    /**
     * Encodes the envelope now (on the calling thread) and queues it.
     *
     * @throws cluster.messages.InvalidMessageException if the envelope is incomplete (a bug in the caller)
     * @throws IllegalArgumentException                  if it encodes to more than the maximum frame size
     */
    public void send(Envelope envelope) {
        byte[] frame = CODEC.get().encode(envelope);
        if (frame.length > maxFrameBytes) {
            throw new IllegalArgumentException(envelope.body.type() + " encodes to " + frame.length
                    + " bytes, over the maximum frame size " + maxFrameBytes + " (" + TransportConfig.MAX_SIZE_KEY + ")");
        }
        channel.writeAndFlush(Unpooled.wrappedBuffer(frame)).addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                LOG.debug("{}: write failed, closing: {}", this, f.cause().toString());
                f.channel().close();
            }
        });
    }

    public void close() {
        channel.close();
    }

    @Override
    public String toString() {
        return "connection-" + id + (inbound ? " from " : " to ") + channel.remoteAddress();
    }
}
