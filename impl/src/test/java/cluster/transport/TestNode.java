package cluster.transport;

import cluster.messages.Envelope;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A node for transport tests: a single-threaded node loop, a transport, and a handler that
 * records every event (with the thread it ran on) for the test to take in order.
 */
final class TestNode implements EnvelopeHandler, AutoCloseable {

    record Event(String kind, Connection connection, Envelope envelope, String thread) {
    }

    final String name;
    final ExecutorService loop;
    final Transport transport;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    TestNode(String name, TransportConfig config) {
        this.name = name;
        this.loop = Executors.newSingleThreadExecutor(r -> new Thread(r, name + "-loop"));
        this.transport = new Transport(name, config, this, loop);
    }

    @Override
    public void onConnected(Connection connection) {
        events.add(new Event("connected", connection, null, Thread.currentThread().getName()));
    }

    @Override
    public void onEnvelope(Connection connection, Envelope envelope) {
        events.add(new Event("envelope", connection, envelope, Thread.currentThread().getName()));
    }

    @Override
    public void onDisconnected(Connection connection) {
        events.add(new Event("disconnected", connection, null, Thread.currentThread().getName()));
    }

    /** The next event, which must be of the given kind, within 10 s. */
    Event next(String kind) throws InterruptedException {
        Event event = events.poll(10, TimeUnit.SECONDS);
        if (event == null) {
            throw new AssertionError(name + ": no '" + kind + "' event within 10 s");
        }
        if (!event.kind().equals(kind)) {
            throw new AssertionError(name + ": expected '" + kind + "' but got " + event);
        }
        return event;
    }

    /** Asserts that nothing at all happens for a while. */
    void expectNothing(long millis) throws InterruptedException {
        Event event = events.poll(millis, TimeUnit.MILLISECONDS);
        if (event != null) {
            throw new AssertionError(name + ": expected no event but got " + event);
        }
    }

    @Override
    public void close() {
        try {
            transport.close();
        } finally {
            loop.shutdownNow();
        }
    }
}
