package cluster.runtime;

import cluster.trace.TraceSink;
import cluster.transport.Transport;
import cluster.transport.TransportConfig;
import io.netty.util.concurrent.DefaultThreadFactory;

import java.net.InetSocketAddress;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What every node process has: its single-threaded event loop, a TCP transport whose events arrive on that
 * loop, a {@link Router}, and once started the {@link NodeRuntime} of its core. The transport can listen
 * before the core exists, because a node's id is its bound address ({@code role@host:port}).
 */
public final class NodeHost implements AutoCloseable {

    private final ScheduledExecutorService loop;
    private final Router router = new Router();
    private final Transport transport;
    private NodeRuntime runtime;

    public NodeHost(String name, TransportConfig config) {
        this.loop = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory(name + "-loop", false));
        this.transport = new Transport(name, config, router, loop);
        router.attach(transport);
    }

    public InetSocketAddress listen(String host, int port) throws InterruptedException {
        return transport.listen(host, port);
    }

    public Router router() {
        return router;
    }

    public ScheduledExecutorService loop() {
        return loop;
    }

    public NodeRuntime runtime() {
        return runtime;
    }

    /** Creates the node's runtime around its core; call before {@link NodeRuntime#submit submitting} anything. */
    public NodeRuntime start(String nodeId, NodeRuntime.Core core, NodeRuntime.ProcessControl processes,
            TraceSink trace) {
        if (runtime != null) {
            throw new IllegalStateException("already started as " + runtime.nodeId());
        }
        runtime = new NodeRuntime(nodeId, core, loop, router, processes, trace);
        return runtime;
    }

    /** Runs {@code task} on the loop and waits for its result: how other threads read a core's state. */
    public <T> T call(Callable<T> task) {
        try {
            return loop.submit(task).get(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the node loop did not answer: " + e, e);
        }
    }

    /** Stops the core (its trace is closed), closes every connection and stops the loop. */
    @Override
    public void close() {
        if (runtime != null && !loop.isShutdown()) {
            try {
                loop.submit(runtime::stop).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                runtime.stop();
            }
        }
        transport.close();
        loop.shutdownNow();
        try {
            loop.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
