package cluster.runtime;

import cluster.messages.Envelope;
import cluster.messages.MasterStateResponse;
import cluster.messages.RequestMasterState;
import cluster.transport.Connection;
import cluster.transport.EnvelopeHandler;
import cluster.transport.Transport;
import cluster.transport.TransportConfig;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Asks masters for their view ({@code RequestMasterState}), as {@code bin/cluster status} and tests do. */
public final class StatusClient implements AutoCloseable {

    private static final String CLIENT_ID = "status-client";

    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "status-loop");
        t.setDaemon(true);
        return t;
    });
    private final Map<Long, CompletableFuture<MasterStateResponse>> waiting = new LinkedHashMap<>();
    private final Transport transport;

    public StatusClient(TransportConfig config) {
        this.transport = new Transport(CLIENT_ID, config, new EnvelopeHandler() {
            @Override
            public void onEnvelope(Connection connection, Envelope envelope) {
                CompletableFuture<MasterStateResponse> f = waiting.remove(connection.id());
                if (f != null && envelope.body instanceof MasterStateResponse response) {
                    f.complete(response);
                }
                connection.close();
            }

            @Override
            public void onDisconnected(Connection connection) {
                CompletableFuture<MasterStateResponse> f = waiting.remove(connection.id());
                if (f != null) {
                    f.completeExceptionally(new IllegalStateException("the master closed the connection"));
                }
            }
        }, loop);
    }

    /** The view of one master. */
    public CompletableFuture<MasterStateResponse> ask(String masterId) {
        NodeAddress address = NodeAddress.parse(masterId);
        if (address == null) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not a master address: " + masterId));
        }
        CompletableFuture<MasterStateResponse> result = new CompletableFuture<>();
        transport.connect(address.host(), address.port()).whenComplete((connection, failure) -> {
            if (failure != null) {
                result.completeExceptionally(failure);
                return;
            }
            waiting.put(connection.id(), result);
            connection.send(Envelope.of(CLIENT_ID, masterId, 1, new RequestMasterState()));
        });
        return result;
    }

    /** Every master's view (null where a master did not answer within {@code timeoutMs}), in the given order. */
    public List<MasterStateResponse> askAll(List<String> masterIds, long timeoutMs) throws InterruptedException {
        List<CompletableFuture<MasterStateResponse>> futures = new ArrayList<>();
        masterIds.forEach(id -> futures.add(ask(id)));
        List<MasterStateResponse> answers = new ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        for (CompletableFuture<MasterStateResponse> f : futures) {
            try {
                answers.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                answers.add(null);
            }
        }
        return answers;
    }

    /**
     * Asks every master, again and again, until one other than {@code notIndex} (-1: any) gives a view that is
     * {@code ready}; returns its index, or -1 when none was within {@code timeoutMs}.
     */
    public int awaitMaster(List<String> masterIds, int notIndex, Predicate<MasterStateResponse> ready, long timeoutMs)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (System.nanoTime() < deadline) {
            List<MasterStateResponse> all = askAll(masterIds, 1000);
            for (int i = 0; i < all.size(); i++) {
                if (i != notIndex && all.get(i) != null && ready.test(all.get(i))) {
                    return i;
                }
            }
            Thread.sleep(5); // a refused connection answers at once: don't spin on a master that is down
        }
        return -1;
    }

    @Override
    public void close() {
        transport.close();
        loop.shutdownNow();
    }
}
