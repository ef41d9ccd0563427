package cluster.transport;

import cluster.messages.Envelope;
import cluster.messages.codec.BinaryEnvelopeCodec;
import cluster.messages.codec.MessageCodecException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The last handler of an open (and, if required, authenticated) connection: decodes each frame
 * on the I/O thread and hands the envelope to the node loop. A frame that is not one complete
 * envelope, or is over the size limit, closes this connection with a logged reason; other
 * connections are untouched.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

    /** One codec per I/O thread (a Chronicle wire must stay on one thread). */
    private static final ThreadLocal<BinaryEnvelopeCodec> CODEC = ThreadLocal.withInitial(BinaryEnvelopeCodec::new);

    private final Connection connection;
    private final NodeLoopDelivery delivery;
    /** Completed (on the I/O thread) when the connection opens; null on the accepting side. */
    private final CompletableFuture<Connection> connectResult;
    private boolean opened;

    ConnectionHandler(Connection connection, NodeLoopDelivery delivery, CompletableFuture<Connection> connectResult) {
        this.connection = connection;
        this.delivery = delivery;
        this.connectResult = connectResult;
    }

    /** Added after authentication, the channel is already active: open now. */
    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        if (ctx.channel().isActive()) {
            open();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        open();
        ctx.fireChannelActive();
    }

    private void open() {
        if (opened) {
            return;
        }
        opened = true;
        LOG.debug("{} open", connection);
        delivery.connected(connection);
        if (connectResult != null) {
            connectResult.complete(connection);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        Envelope envelope;
        try {
            envelope = CODEC.get().decode(ByteBufUtil.getBytes(frame));
        } catch (MessageCodecException e) {
            LOG.warn("{}: closing, undecodable frame of {} bytes: {}", connection, frame.readableBytes(), e.getMessage());
            ctx.close();
            return;
        } finally {
            frame.release();
        }
        delivery.envelope(connection, envelope);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        LOG.debug("{} closed", connection);
        if (opened) {
            delivery.disconnected(connection);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException) {
            LOG.warn("{}: closing, frame over the limit ({}): {}",
                    connection, TransportConfig.MAX_SIZE_KEY, cause.getMessage());
        } else if (cause instanceof IOException) {
            LOG.debug("{}: closing after I/O error: {}", connection, cause.toString());
        } else {
            LOG.warn("{}: closing after error: {}", connection, cause.toString());
        }
        ctx.close();
    }
}
