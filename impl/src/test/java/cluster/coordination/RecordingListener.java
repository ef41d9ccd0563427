package cluster.coordination;

import cluster.core.PersistedRecord;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A master's side of the coordination service in tests: what it was told, in order, on its own single
 * event-loop thread, and a check that no two callbacks ever overlap.
 */
final class RecordingListener implements LeadershipListener, AutoCloseable {

    final ExecutorService loop;
    private final AtomicInteger inside = new AtomicInteger();
    private final List<String> events = new ArrayList<>();
    private volatile long epoch = -1;
    private volatile boolean leading;
    private volatile List<PersistedRecord> records = List.of();
    private volatile Exception failure;
    private volatile boolean overlapped;

    RecordingListener(String name) {
        loop = Executors.newSingleThreadExecutor(r -> new Thread(r, "loop-" + name));
    }

    @Override
    public void elected(long newEpoch, List<PersistedRecord> stored) {
        enter();
        epoch = newEpoch;
        records = stored;
        leading = true;
        record("elected " + newEpoch);
        leave();
    }

    @Override
    public void revoked() {
        enter();
        leading = false;
        record("revoked");
        leave();
    }

    @Override
    public void failed(Exception cause) {
        enter();
        leading = false;
        failure = cause;
        record("failed " + cause.getMessage());
        leave();
    }

    boolean leading() {
        return leading;
    }

    long epoch() {
        return epoch;
    }

    List<PersistedRecord> records() {
        return records;
    }

    Exception failure() {
        return failure;
    }

    boolean overlapped() {
        return overlapped;
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    private synchronized void record(String event) {
        events.add(event);
    }

    private void enter() {
        if (inside.incrementAndGet() != 1) {
            overlapped = true;
        }
    }

    private void leave() {
        inside.decrementAndGet();
    }

    @Override
    public void close() throws InterruptedException {
        loop.shutdownNow();
        loop.awaitTermination(5, TimeUnit.SECONDS);
    }
}
