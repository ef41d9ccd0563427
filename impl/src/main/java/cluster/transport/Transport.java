package cluster.transport;

import cluster.messages.codec.WireSelfCheck;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A node's TCP endpoint (Netty, NIO): it listens, connects, and carries {@link cluster.messages.Envelope}s
 * as Chronicle Wire binary frames behind a 4-byte length prefix.
 *
 * <p>Threading. Netty's I/O threads ({@code ioThreads}, default one per node) read, decode and
 * encode-on-write; the node's own code never runs there. Every {@link EnvelopeHandler} call and
 * every completion of a {@link #connect} future happens on {@code nodeLoop}, the node's
 * single-threaded event loop, so protocol cores need no locks. {@code nodeLoop} must run tasks
 * one at a time in submission order (e.g. {@code Executors.newSingleThreadScheduledExecutor()},
 * which can also drive the node's timers). {@link Connection#send} may be called from any thread.
 *
 * <pre>{@code
 * ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor();
 * Transport transport = new Transport("master-1", TransportConfig.fromSparkConf(conf), handler, loop);
 * int port = transport.listen("0.0.0.0", 7077).getPort();
 * transport.connect("10.0.0.5", 7078).thenAccept(c -> c.send(envelope)); // runs on loop
 * ...
 * transport.close();
 * }</pre>
 */
public final class Transport implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final int LENGTH_FIELD_BYTES = 4;

    private final String name;
    private final TransportConfig config;
    private final NodeLoopDelivery delivery;
    private final EventLoopGroup group;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private final AuthHandshake handshake;
    private final AtomicLong connectionIds = new AtomicLong();

    /**
     * @param name     the node's name, for thread names and logs
     * @param handler  receives the node's network events, on {@code nodeLoop}
     * @param nodeLoop the node's single-threaded event loop
     * @throws IllegalStateException if this JVM cannot run Chronicle Wire correctly (see {@link WireSelfCheck})
     */
    public Transport(String name, TransportConfig config, EnvelopeHandler handler, Executor nodeLoop) {
        WireSelfCheck.verify();
        this.name = name;
        this.config = config;
        this.delivery = new NodeLoopDelivery(nodeLoop, handler);
        this.handshake = config.authenticates() ? new AuthHandshake(config.secret()) : null;
        this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory(name + "-io", true), NioIoHandler.newFactory());
    }

    /**
     * Binds a server socket (port 0 = any free port) and returns the bound address.
     * Blocks until bound.
     */
    public InetSocketAddress listen(String host, int port) throws InterruptedException {
        Channel server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        Connection connection = newConnection(ch, true);
                        ChannelPipeline p = framing(ch);
                        if (handshake == null) {
                            p.addLast("connection", new ConnectionHandler(connection, delivery, null));
                        } else {
                            p.addLast("auth", new ServerAuthHandler(handshake, config.handshakeTimeout(),
                                    () -> new ConnectionHandler(connection, delivery, null)));
                        }
                    }
                })
                .bind(host, port).sync().channel();
        channels.add(server);
        InetSocketAddress bound = (InetSocketAddress) server.localAddress();
        LOG.info("{} listening on {} ({})", name, bound, config);
        return bound;
    }

    /**
     * Connects (and authenticates, if configured). The future completes on the node loop, after
     * {@link EnvelopeHandler#onConnected}; it fails with the connect error, an
     * {@link AuthenticationException}, or a {@link TimeoutException} after the handshake timeout.
     */
    public CompletableFuture<Connection> connect(String host, int port) {
        // Handlers complete 'ready' on an I/O thread; 'result' is completed from it on the node loop.
        // Success is queued behind onConnected, which the connection handler queued first.
        CompletableFuture<Connection> ready = new CompletableFuture<>();
        CompletableFuture<Connection> result = new CompletableFuture<>();
        ready.whenComplete((connection, failure) -> delivery.execute(() -> {
            if (failure == null) {
                result.complete(connection);
            } else {
                result.completeExceptionally(failure);
            }
        }));
        Bootstrap bootstrap = new Bootstrap()
                .group(group)
                .channel(NioSocketChannel.class)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS,
                        (int) Math.min(Integer.MAX_VALUE, config.handshakeTimeout().toMillis()))
                .handler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        Connection connection = newConnection(ch, false);
                        ChannelPipeline p = framing(ch);
                        if (handshake == null) {
                            p.addLast("connection", new ConnectionHandler(connection, delivery, ready));
                        } else {
                            p.addLast("auth", new ClientAuthHandler(handshake, ready,
                                    () -> new ConnectionHandler(connection, delivery, ready)));
                        }
                    }
                });
        ChannelFuture connecting = bootstrap.connect(host, port);
        connecting.addListener(f -> {
            if (!f.isSuccess()) {
                ready.completeExceptionally(f.cause());
            }
        });
        Channel channel = connecting.channel();
        ScheduledFuture<?> deadline = channel.eventLoop().schedule(() -> {
            if (ready.completeExceptionally(new TimeoutException("connect and handshake with " + host + ":" + port
                    + " took longer than " + config.handshakeTimeout()))) {
                LOG.warn("{}: connection to {}:{} not ready within {}; closing",
                        name, host, port, config.handshakeTimeout());
                channel.close();
            }
        }, config.handshakeTimeout().toMillis(), TimeUnit.MILLISECONDS);
        ready.whenComplete((connection, failure) -> deadline.cancel(false));
        return result;
    }

    public TransportConfig config() {
        return config;
    }

    /** Closes every connection and the server sockets, and stops the I/O threads; waits up to a few seconds. */
    @Override
    public void close() {
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
        LOG.debug("{} transport closed", name);
    }

    private Connection newConnection(Channel channel, boolean inbound) {
        return new Connection(connectionIds.incrementAndGet(), channel, inbound, config.maxFrameBytes());
    }

    /** Length-prefixed frames; an oversized length is refused as soon as the prefix is read. */
    private ChannelPipeline framing(SocketChannel ch) {
        return ch.pipeline()
                .addLast("frameDecoder", new LengthFieldBasedFrameDecoder(config.maxFrameBytes() + LENGTH_FIELD_BYTES,
                        0, LENGTH_FIELD_BYTES, 0, LENGTH_FIELD_BYTES, true))
                .addLast("framePrepender", new LengthFieldPrepender(LENGTH_FIELD_BYTES));
    }
}
