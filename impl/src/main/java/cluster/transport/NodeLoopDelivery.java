package cluster.transport;

import cluster.messages.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * Hands network events from Netty's I/O threads to the node's single event loop. The loop is
 * a FIFO executor, so per-connection order is kept; handler exceptions are logged, not thrown
 * back into Netty.
 */
final class NodeLoopDelivery {

    private static final Logger LOG = LoggerFactory.getLogger(NodeLoopDelivery.class);

    private final Executor nodeLoop;
    private final EnvelopeHandler handler;

    NodeLoopDelivery(Executor nodeLoop, EnvelopeHandler handler) {
        this.nodeLoop = nodeLoop;
        this.handler = handler;
    }

    void connected(Connection connection) {
        run(connection, "onConnected", () -> handler.onConnected(connection));
    }

    void envelope(Connection connection, Envelope envelope) {
        run(connection, "onEnvelope", () -> handler.onEnvelope(connection, envelope));
    }

    void disconnected(Connection connection) {
        run(connection, "onDisconnected", () -> handler.onDisconnected(connection));
    }

    /** Runs on the node loop; used to complete connect futures there, after onConnected. */
    void execute(Runnable task) {
        try {
            nodeLoop.execute(task);
        } catch (RejectedExecutionException e) {
            task.run(); // the node is shutting down; complete the future on this thread instead
        }
    }

    private void run(Connection connection, String what, Runnable call) {
        try {
            nodeLoop.execute(() -> {
                try {
                    call.run();
                } catch (RuntimeException e) {
                    LOG.error("{} threw on {}", what, connection, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("node loop stopped; dropped {} for {}", what, connection);
        }
    }
}
