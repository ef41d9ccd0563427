package cluster.transport;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Connecting side of {@link AuthHandshake}: sends the hello, checks the server's proof (so a
 * node never talks to a server without the secret either), answers, and on the server's OK
 * puts the {@link ConnectionHandler} in its place. Any failure fails the connect future.
 * The handshake deadline is enforced by {@link Transport#connect}.
 */
final class ClientAuthHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ClientAuthHandler.class);

    private enum State { AWAIT_CHALLENGE, AWAIT_OK, DONE }

    private final AuthHandshake handshake;
    private final CompletableFuture<Connection> connectResult;
    private final Supplier<ConnectionHandler> onSuccess;
    private final byte[] clientNonce = AuthHandshake.newNonce();
    private State state = State.AWAIT_CHALLENGE;

    ClientAuthHandler(AuthHandshake handshake, CompletableFuture<Connection> connectResult,
                      Supplier<ConnectionHandler> onSuccess) {
        this.handshake = handshake;
        this.connectResult = connectResult;
        this.onSuccess = onSuccess;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.writeAndFlush(AuthHandshake.hello(clientNonce));
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            switch (state) {
                case AWAIT_CHALLENGE -> {
                    byte[][] challenge = AuthHandshake.readChallenge(frame);
                    if (challenge == null || !AuthHandshake.sameProof(
                            handshake.serverProof(clientNonce, challenge[0]), challenge[1])) {
                        fail(ctx, "the server did not prove it knows the shared secret");
                        return;
                    }
                    ctx.writeAndFlush(AuthHandshake.response(handshake.clientProof(clientNonce, challenge[0])));
                    state = State.AWAIT_OK;
                }
                case AWAIT_OK -> {
                    if (!AuthHandshake.isOk(frame)) {
                        fail(ctx, "the server did not accept the handshake");
                        return;
                    }
                    state = State.DONE;
                    ctx.pipeline().replace(this, "connection", onSuccess.get());
                }
                case DONE -> {
                    // failed: ignore the rest
                }
            }
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (state != State.DONE) {
            state = State.DONE;
            connectResult.completeExceptionally(new AuthenticationException("connection to " + ctx.channel().remoteAddress()
                    + " closed during authentication (wrong secret, or the server does not authenticate)"));
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        fail(ctx, "error during authentication: " + cause);
    }

    private void fail(ChannelHandlerContext ctx, String reason) {
        if (state == State.DONE) {
            return;
        }
        state = State.DONE;
        LOG.warn("authentication with {} failed: {}", ctx.channel().remoteAddress(), reason);
        connectResult.completeExceptionally(new AuthenticationException(reason));
        ctx.close();
    }
}
