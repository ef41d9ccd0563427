package cluster.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Accepting side of {@link AuthHandshake}. Until the peer has proved it knows the secret, this
 * handler consumes every frame itself; only on success does it put the {@link ConnectionHandler}
 * in its place, so no frame of an unauthenticated peer ever reaches the node. A peer that fails,
 * stalls or speaks something else is refused: logged and disconnected.
 */
final class ServerAuthHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ServerAuthHandler.class);

    private enum State { AWAIT_HELLO, AWAIT_RESPONSE, DONE }

    private final AuthHandshake handshake;
    private final Duration timeout;
    private final Supplier<ConnectionHandler> onSuccess;
    private State state = State.AWAIT_HELLO;
    private byte[] clientNonce;
    private byte[] serverNonce;
    private ScheduledFuture<?> timer;

    ServerAuthHandler(AuthHandshake handshake, Duration timeout, Supplier<ConnectionHandler> onSuccess) {
        this.handshake = handshake;
        this.timeout = timeout;
        this.onSuccess = onSuccess;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        timer = ctx.executor().schedule(() -> refuse(ctx, "did not authenticate within " + timeout),
                timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            switch (state) {
                case AWAIT_HELLO -> {
                    clientNonce = AuthHandshake.readHello(frame);
                    if (clientNonce == null) {
                        refuse(ctx, "first frame is not an authentication hello (a peer without the shared secret?)");
                        return;
                    }
                    serverNonce = AuthHandshake.newNonce();
                    ctx.writeAndFlush(AuthHandshake.challenge(serverNonce, handshake.serverProof(clientNonce, serverNonce)));
                    state = State.AWAIT_RESPONSE;
                }
                case AWAIT_RESPONSE -> {
                    byte[] proof = AuthHandshake.readResponse(frame);
                    if (proof == null || !AuthHandshake.sameProof(handshake.clientProof(clientNonce, serverNonce), proof)) {
                        refuse(ctx, "wrong proof: the peer does not know the shared secret");
                        return;
                    }
                    state = State.DONE;
                    timer.cancel(false);
                    ctx.writeAndFlush(AuthHandshake.ok());
                    LOG.debug("authenticated {}", ctx.channel().remoteAddress());
                    ctx.pipeline().replace(this, "connection", onSuccess.get());
                }
                case DONE -> {
                    // refused: drop whatever the peer sent after it (the channel is closing)
                }
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state != State.DONE) {
            // A client with a different secret leaves here, after checking our proof.
            LOG.warn("refused connection from {}: it left during authentication (a different secret?)",
                    ctx.channel().remoteAddress());
            state = State.DONE;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        refuse(ctx, "error during authentication: " + cause);
    }

    private void refuse(ChannelHandlerContext ctx, String reason) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        LOG.warn("refused connection from {}: {}", ctx.channel().remoteAddress(), reason);
        ctx.close();
    }
}
