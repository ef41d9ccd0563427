package cluster.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The network between the harness's nodes, Maelstrom style: every line a node writes names its {@code dest}; the
 * network hands it over after a delay. Per link messages keep their order (1–3 ms) unless the delay nemesis is on,
 * when each draws up to {@link #delay its bound} and they overtake each other. A cut link holds its messages until it
 * heals, as TCP retransmits over a stalled connection (as the simulator's default); messages to a node that is not
 * running are lost, and so are those held for a node that was killed. One thread does all of it, so every
 * decision is made in one order. The drop and duplicate nemeses lose or repeat single messages (never those held).
 */
final class HarnessNetwork implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HarnessNetwork.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private record Link(String from, String to) {
    }

    /** A message on its way: its line, its parsed form (for the observer), when it was sent. */
    private record Carried(String line, JsonNode message, long sentNanos) {
    }

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "harness-network");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Consumer<String>> endpoints = new ConcurrentHashMap<>();
    private final Random random;
    // On the thread only:
    private final Set<Link> cut = new HashSet<>();
    private final Map<Link, Deque<Carried>> held = new HashMap<>();
    private final Map<Link, Long> lastDue = new HashMap<>();
    private int delayBoundMs;
    private double dropRate;
    private double duplicateRate;
    final AtomicLong delivered = new AtomicLong();
    final AtomicLong lost = new AtomicLong();
    private volatile NetworkObserver observer = NetworkObserver.NONE;

    HarnessNetwork(long seed) {
        this.random = new Random(seed);
    }

    /** Who sees every message at its end (the campaign's timeline and its checks of launches). */
    void observe(NetworkObserver messages) {
        this.observer = messages;
    }

    /** Where lines to {@code nodeId} go from now on (its new life, after a restart). */
    void attach(String nodeId, Consumer<String> endpoint) {
        endpoints.put(nodeId, endpoint);
    }

    /** The node is gone: lines to it are lost, and so is what is held for it. */
    void detach(String nodeId) {
        endpoints.remove(nodeId);
        execute(() -> held.entrySet().removeIf(e -> {
            if (!e.getKey().to.equals(nodeId)) {
                return false;
            }
            e.getValue().forEach(c -> end(e.getKey(), c, false));
            return true;
        }));
    }

    /** A line written by a node (or a service of the harness): routed to its {@code dest}. From any thread. */
    void send(String line) {
        JsonNode message;
        try {
            message = JSON.readTree(line);
        } catch (IOException e) {
            LOG.warn("a node wrote a line that is not JSON (dropped): {}", line);
            return;
        }
        String from = message.path("src").asText();
        String to = message.path("dest").asText();
        if (from.isEmpty() || to.isEmpty()) {
            LOG.warn("a message without src or dest (dropped): {}", line);
            return;
        }
        Carried carried = new Carried(line, message, System.nanoTime());
        execute(() -> route(new Link(from, to), carried));
    }

    private void route(Link link, Carried line) {
        if (dropRate > 0 && random.nextDouble() < dropRate) {
            lost.incrementAndGet();
            end(link, line, false);
            return;
        }
        if (duplicateRate > 0 && random.nextDouble() < duplicateRate) {
            schedule(link, line);
        }
        schedule(link, line);
    }

    private void schedule(Link link, Carried line) {
        if (cut.contains(link)) {
            held.computeIfAbsent(link, l -> new ArrayDeque<>()).add(line);
            return;
        }
        long now = System.nanoTime();
        long due;
        if (delayBoundMs > 0) {
            due = now + TimeUnit.MILLISECONDS.toNanos(1 + random.nextInt(delayBoundMs));
        } else {
            due = Math.max(now + TimeUnit.MILLISECONDS.toNanos(1 + random.nextInt(3)), lastDue.getOrDefault(link, 0L));
            lastDue.put(link, due);
        }
        thread.schedule(() -> arrive(link, line), due - now, TimeUnit.NANOSECONDS);
    }

    private void arrive(Link link, Carried line) {
        if (cut.contains(link)) {
            held.computeIfAbsent(link, l -> new ArrayDeque<>()).add(line);
            return;
        }
        Consumer<String> endpoint = endpoints.get(link.to);
        if (endpoint == null) {
            lost.incrementAndGet();
            end(link, line, false);
            return;
        }
        delivered.incrementAndGet();
        end(link, line, true);
        endpoint.accept(line.line);
    }

    private void end(Link link, Carried line, boolean delivered) {
        try {
            observer.carried(link.from, link.to, line.message, line.sentNanos, System.nanoTime(), delivered);
        } catch (RuntimeException e) {
            LOG.warn("the network's observer failed on {}: {}", line.line, e.toString());
        }
    }

    /** Cuts the links from every node of {@code from} to every node of {@code to} (one way). */
    void cut(Set<String> from, Set<String> to) {
        execute(() -> {
            for (String a : from) {
                for (String b : to) {
                    if (!a.equals(b)) {
                        cut.add(new Link(a, b));
                    }
                }
            }
        });
    }

    /** Every link carries again; what was held goes on, in order. */
    void heal() {
        execute(() -> {
            cut.clear();
            List<Map.Entry<Link, Deque<Carried>>> waiting = new ArrayList<>(held.entrySet());
            held.clear();
            for (Map.Entry<Link, Deque<Carried>> e : waiting) {
                e.getValue().forEach(line -> schedule(e.getKey(), line));
            }
        });
    }

    /** Messages draw a delay of up to {@code boundMs} and overtake each other; 0 = back to short, in order. */
    void delay(int boundMs) {
        execute(() -> delayBoundMs = boundMs);
    }

    /** Each message is lost with probability {@code drop} and delivered twice with {@code duplicate}; 0 = never. */
    void loss(double drop, double duplicate) {
        execute(() -> {
            dropRate = drop;
            duplicateRate = duplicate;
        });
    }

    private void execute(Runnable task) {
        try {
            thread.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // the harness is stopping
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
