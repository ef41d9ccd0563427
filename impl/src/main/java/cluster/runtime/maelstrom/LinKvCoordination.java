package cluster.runtime.maelstrom;

import cluster.coordination.CoordinationService;
import cluster.coordination.CorruptRecordException;
import cluster.coordination.LeadershipListener;
import cluster.coordination.LeadershipLostException;
import cluster.coordination.RecordCodec;
import cluster.core.PersistedRecord;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Election and persistence over the harness's {@code lin-kv}, with one key, {@value #KEY}, holding the lease and
 * the store together: {@code {"leader","epoch","beat","records":{key: base64}}}. Every change is a
 * compare-and-set from the value this master last saw, so a write succeeds only while the lease it read is still
 * there: a deposed leader's write fails, as the spec's {@code storeApp}/{@code storeWorker} under {@code zkEpoch}.
 *
 * <p>Every change of a term also counts {@code rev} up, so a value never comes back and a late or repeated
 * compare-and-set from an old value can never take effect. A change whose answer was lost or doubtful (a timeout,
 * or a refusal that may answer a duplicate of it) is settled before the master hears of it (see {@link #applied}):
 * a write that took effect must be in the trace as its step, one that did not must not, since the next leader
 * reads the records.
 *
 * <p>The lease: the leader renews it ({@code beat + 1}) every quarter of {@code leaseMs} and steps down when it
 * could not for {@code leaseMs} (or a change's outcome stayed unknown). A standby takes it, with the next epoch, once
 * the value stayed the same for two lease times by its own clock. A paused leader may wake up still believing it
 * leads; its first write or renewal fails, and its messages carry an epoch the others already refuse.
 */
public final class LinKvCoordination implements CoordinationService {

    /** The lin-kv key of the lease and the records. */
    public static final String KEY = "cluster";

    private static final Logger LOG = LoggerFactory.getLogger(LinKvCoordination.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Reads (and renewals) tried to settle a change whose answer was lost, each waiting up to the lin-kv timeout. */
    private static final int SETTLE_ATTEMPTS = 8;

    private final LinKv kv;
    private final long leaseMs;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "lin-kv-coordination");
        t.setDaemon(true);
        return t;
    });
    private String masterId;
    private LeadershipListener listener;
    private Executor callbacks;
    // On the thread only:
    private String current;
    private long leadingEpoch = -1;
    private long renewedAtNanos;
    private String seen;
    private long seenSinceNanos;

    public LinKvCoordination(LinKv kv, long leaseMs) {
        if (leaseMs < 100) {
            throw new IllegalArgumentException("the lease must be at least 100 ms: " + leaseMs);
        }
        this.kv = kv;
        this.leaseMs = leaseMs;
    }

    @Override
    public void start(String id, LeadershipListener leadership, Executor onLoop) {
        masterId = id;
        listener = leadership;
        callbacks = onLoop;
        thread.scheduleWithFixedDelay(this::tick, 0, leaseMs / 4, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            if (leadingEpoch >= 0) {
                renew();
            } else {
                campaign();
            }
        } catch (CorruptRecordException e) {
            LOG.error("{}: the stored records cannot be read: {}", masterId, e.getMessage());
            thread.shutdown();
            callbacks.execute(() -> listener.failed(e));
        } catch (Exception e) {
            LOG.debug("{}: lin-kv did not answer: {}", masterId, e.toString());
        }
    }

    private void renew() throws Exception {
        if (System.nanoTime() - renewedAtNanos > TimeUnit.MILLISECONDS.toNanos(leaseMs)) {
            stepDown("the lease was not renewed for " + leaseMs + " ms");
            return;
        }
        change(renewal(current));
    }

    /** {@code value} with its beat counted up: a renewal of the lease it holds. */
    private static ObjectNode renewal(String value) {
        ObjectNode next = parse(value);
        next.put("beat", next.path("beat").asLong() + 1);
        return next;
    }

    private void campaign() throws Exception {
        Optional<String> value = get(kv.read(KEY));
        long now = System.nanoTime();
        if (value.isEmpty()) {
            take(null, 1, JSON.createObjectNode());
        } else if (!value.get().equals(seen)) {
            seen = value.get();
            seenSinceNanos = now;
        } else if (now - seenSinceNanos > TimeUnit.MILLISECONDS.toNanos(2 * leaseMs)) {
            ObjectNode state = parse(seen);
            take(seen, state.path("epoch").asLong() + 1, (ObjectNode) state.path("records"));
        }
    }

    private void take(String from, long epoch, ObjectNode records) throws Exception {
        ObjectNode next = JSON.createObjectNode().put("leader", masterId).put("epoch", epoch).put("beat", 0);
        next.set("records", records == null ? JSON.createObjectNode() : records);
        String to = next.toString();
        long sentAt = System.nanoTime();
        if (!get(kv.cas(KEY, from, to))) {
            seen = null;
            return;
        }
        List<PersistedRecord> decoded = decode(next.path("records"));
        current = to;
        leadingEpoch = epoch;
        renewedAtNanos = sentAt;
        LOG.info("{} took the lease with epoch {}", masterId, epoch);
        callbacks.execute(() -> listener.elected(epoch, decoded));
    }

    /** One compare-and-set from the value this leader wrote last; an outcome that stays unknown ends its term. */
    private void change(ObjectNode next) throws Exception {
        next.put("rev", parse(current).path("rev").asLong() + 1);
        String to = next.toString();
        long sentAt = System.nanoTime();
        boolean done;
        try {
            done = get(kv.cas(KEY, current, to)) || applied(current, to);
        } catch (Exception e) {
            try {
                done = applied(current, to);
            } catch (Exception unknown) {
                stepDown("lin-kv did not answer a write: " + e);
                throw e;
            }
        }
        if (!done) {
            stepDown("the lease was taken");
            throw new LeadershipLostException(masterId + " lost the lease of term " + leadingEpoch);
        }
        current = to;
        renewedAtNanos = sentAt;
    }

    private void stepDown(String why) {
        if (leadingEpoch < 0) {
            return;
        }
        LOG.warn("{} steps down from term {}: {}", masterId, leadingEpoch, why);
        leadingEpoch = -1;
        seen = null;
        callbacks.execute(listener::revoked);
    }

    @Override
    public CompletableFuture<Void> persist(long epoch, PersistedRecord record) {
        String encoded = Base64.getEncoder().encodeToString(RecordCodec.encode(record));
        return write(epoch, record.key(), encoded);
    }

    @Override
    public CompletableFuture<Void> unpersist(long epoch, String key) {
        return write(epoch, key, null);
    }

    private CompletableFuture<Void> write(long epoch, String key, String encoded) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    if (leadingEpoch != epoch) {
                        throw new LeadershipLostException(masterId + " does not lead term " + epoch);
                    }
                    ObjectNode next = parse(current);
                    ObjectNode records = (ObjectNode) next.path("records");
                    if (encoded == null) {
                        records.remove(key);
                    } else {
                        records.put(key, encoded);
                    }
                    change(next);
                    done.complete(null);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            done.completeExceptionally(new LeadershipLostException(masterId + ": the coordination service is closed"));
        }
        return done;
    }

    /**
     * Whether a compare-and-set from {@code from} to {@code to} whose answer was lost or doubtful took effect (or
     * will: its request may still be on the way). The value now settles it: {@code to} (only this master writes
     * it) yes; another value no (values never come back, so it never will); still {@code from}: then a renewal from
     * {@code from} is written, and once that is stored the lost one can never be (if the renewal is {@code to}
     * itself, it took effect). Throws when lin-kv stays silent for {@value #SETTLE_ATTEMPTS} attempts.
     */
    private boolean applied(String from, String to) throws Exception {
        Exception last = null;
        for (int attempt = 0; attempt < SETTLE_ATTEMPTS; attempt++) {
            try {
                Optional<String> now = get(kv.read(KEY));
                if (now.isPresent() && now.get().equals(to)) {
                    return true;
                }
                if (now.isEmpty() || !now.get().equals(from)) {
                    return false;
                }
                ObjectNode fence = renewal(from);
                fence.put("rev", fence.path("rev").asLong() + 1);
                if (get(kv.cas(KEY, from, fence.toString()))) {
                    return fence.toString().equals(to);
                }
            } catch (CorruptRecordException e) {
                throw e;
            } catch (Exception e) {
                last = e; // no answer again: ask again
            }
        }
        throw last != null ? last : new java.util.concurrent.TimeoutException("the outcome of a write stayed unknown");
    }

    private <T> T get(CompletableFuture<T> reply) throws Exception {
        try {
            return reply.get(leaseMs, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof Exception c ? c : e;
        }
    }

    private static ObjectNode parse(String value) {
        try {
            JsonNode node = JSON.readTree(value);
            if (node instanceof ObjectNode object && object.path("records").isObject()) {
                return object;
            }
        } catch (IOException e) {
            // reported below
        }
        throw new CorruptRecordException(KEY, "the lin-kv value is not a lease with records: " + value);
    }

    private static List<PersistedRecord> decode(JsonNode records) {
        List<PersistedRecord> decoded = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = records.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(e.getValue().asText());
            } catch (IllegalArgumentException bad) {
                throw new CorruptRecordException(e.getKey(), "not base64");
            }
            decoded.add(RecordCodec.decode(e.getKey(), bytes));
        }
        return decoded;
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
