package cluster.runtime;

import cluster.core.Input;
import cluster.messages.Envelope;
import cluster.transport.Connection;
import cluster.transport.EnvelopeHandler;
import cluster.transport.Transport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Maps node ids to connections for one node. A route is learned from every envelope that arrives (the sender
 * is reachable over the connection it used) and made by dialling a {@code role@host:port} id when there is none;
 * messages wait while a dial is under way. The core hears {@link Input.Connected} when a route to a node
 * appears and {@link Input.Disconnected} when it goes (its connection closed, or a dial failed): a lost
 * message is the protocol's business, which retries. Runs on the node's loop, like the transport's handler.
 */
public final class Router implements EnvelopeHandler {

    private static final Logger LOG = LoggerFactory.getLogger(Router.class);

    private NodeRuntime node;
    private Transport transport;
    private final Map<String, Connection> routes = new HashMap<>();
    private final Map<Long, Set<String>> namesByConnection = new HashMap<>();
    private final Map<String, List<Envelope>> dialling = new HashMap<>();
    /** Messages outside the protocol (status requests, tasks) are taken here first; true = consumed. */
    private BiPredicate<Connection, Envelope> interceptor = (c, e) -> false;
    /** Another network for the ids the transport cannot dial (the Maelstrom harness's stdin/stdout), or null. */
    private Network network;

    /**
     * A network that is not TCP: it carries every envelope to a node id that cannot be dialled (and every envelope
     * when there is no transport). It has no connections, so the core hears neither Connected nor Disconnected
     * from it: a lost or held message is the protocol's business, which retries.
     */
    @FunctionalInterface
    public interface Network {
        void send(Envelope envelope);
    }

    /** The node whose messages this router carries; called once, by the node's {@link NodeRuntime}. */
    void bind(NodeRuntime runtime) {
        if (node != null) {
            throw new IllegalStateException("router already bound to " + node.nodeId());
        }
        node = runtime;
    }

    public void attach(Transport transport) {
        this.transport = transport;
    }

    public void attach(Network network) {
        this.network = network;
    }

    public void intercept(BiPredicate<Connection, Envelope> interceptor) {
        this.interceptor = interceptor;
    }

    /** True if a connection to {@code nodeId} is open. */
    public boolean connected(String nodeId) {
        Connection c = routes.get(nodeId);
        return c != null && c.isOpen();
    }

    /** Sends, dialling first if needed; a message that cannot be delivered is dropped (the protocol retries). */
    public void send(Envelope envelope) {
        Connection route = routes.get(envelope.dest);
        if (route != null && route.isOpen()) {
            write(route, envelope);
            return;
        }
        List<Envelope> waiting = dialling.get(envelope.dest);
        if (waiting != null) {
            waiting.add(envelope);
            return;
        }
        NodeAddress address = NodeAddress.parse(envelope.dest);
        if (network != null && (address == null || transport == null)) {
            network.send(envelope);
            return;
        }
        if (address == null || transport == null) {
            LOG.debug("{}: no route to {}; {} dropped", node.nodeId(), envelope.dest, envelope.body.type());
            return;
        }
        waiting = new ArrayList<>();
        waiting.add(envelope);
        dialling.put(envelope.dest, waiting);
        String dest = envelope.dest;
        transport.connect(address.host(), address.port()).whenComplete((connection, failure) -> {
            List<Envelope> queued = dialling.remove(dest);
            if (failure != null) {
                LOG.debug("{}: cannot reach {} ({}); {} message(s) dropped", node.nodeId(), dest, failure.toString(),
                        queued == null ? 0 : queued.size());
                node.input(new Input.Disconnected(dest));
                return;
            }
            learn(dest, connection);
            if (queued != null) {
                queued.forEach(e -> write(connection, e));
            }
        });
    }

    /**
     * Closes every connection this node has to other nodes (each closes on the peer's side too, which then tells
     * its core). A master that steps down does this so its workers and drivers look for the new leader at once,
     * as they would if it had exited, as Spark's does.
     */
    public void closeAll() {
        java.util.Set<Connection> open = new java.util.HashSet<>(routes.values());
        open.forEach(Connection::close);
    }

    /** Writes a message to a specific connection (replies to a peer that is not a node, e.g. a status client). */
    public static void reply(Connection connection, Envelope envelope) {
        try {
            connection.send(envelope);
        } catch (RuntimeException e) {
            LOG.warn("cannot send {} on {}: {}", envelope.body.type(), connection, e.toString());
        }
    }

    private void write(Connection connection, Envelope envelope) {
        try {
            connection.send(envelope);
        } catch (IllegalArgumentException e) {
            LOG.error("{}: {} to {} not sent: {}", node.nodeId(), envelope.body.type(), envelope.dest, e.getMessage());
        }
    }

    /** An envelope that arrived over the attached {@link Network}. On the loop. */
    public void deliver(Envelope envelope) {
        if (!node.nodeId().equals(envelope.dest)) {
            LOG.warn("{}: {} from {} was addressed to {}; ignored", node.nodeId(), envelope.body.type(),
                    envelope.src, envelope.dest);
            return;
        }
        node.receive(envelope);
    }

    @Override
    public void onEnvelope(Connection connection, Envelope envelope) {
        if (interceptor.test(connection, envelope)) {
            return;
        }
        if (node == null) {
            LOG.debug("{} from {} before the node started; ignored", envelope.body.type(), envelope.src);
            return;
        }
        if (!node.nodeId().equals(envelope.dest)) {
            LOG.warn("{}: {} from {} was addressed to {}; ignored", node.nodeId(), envelope.body.type(),
                    envelope.src, envelope.dest);
            return;
        }
        learn(envelope.src, connection);
        node.receive(envelope);
    }

    @Override
    public void onDisconnected(Connection connection) {
        if (node == null) {
            return;
        }
        Set<String> names = namesByConnection.remove(connection.id());
        if (names == null) {
            return;
        }
        for (String name : names) {
            if (routes.get(name) == connection) {
                routes.remove(name);
                node.input(new Input.Disconnected(name));
            }
        }
    }

    private void learn(String name, Connection connection) {
        Connection old = routes.get(name);
        if (old == connection) {
            return;
        }
        routes.put(name, connection);
        namesByConnection.computeIfAbsent(connection.id(), id -> new HashSet<>()).add(name);
        if (old == null || !old.isOpen()) {
            node.input(new Input.Connected(name));
        }
    }
}
