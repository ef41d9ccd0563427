package cluster.coordination;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Supplier;

/**
 * The threads the file-system and ZooKeeper services do their store work on: one per job, so the work runs in
 * the order the master asked for it, and never on the master's event loop (a write waits for a disk or a
 * round trip).
 */
final class StoreThreads {

    /** Store work that may fail. */
    interface Work {
        void run() throws Exception;
    }

    private StoreThreads() {
    }

    /** A single daemon thread: it must not keep a master's JVM alive. */
    static ScheduledExecutorService single(String name) {
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Runs {@code work} on {@code thread}; the future fails with its exception, or with {@code whenClosed} if the thread is gone. */
    static CompletableFuture<Void> submit(Executor thread, Work work, Supplier<? extends Exception> whenClosed) {
        if (thread == null) {
            throw new IllegalStateException("the coordination service is not started");
        }
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            thread.execute(() -> {
                try {
                    work.run();
                    done.complete(null);
                } catch (Exception e) {
                    done.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            done.completeExceptionally(whenClosed.get());
        }
        return done;
    }

    /** A stored epoch: a non-negative decimal number; anything else names {@code where} it was read from. */
    static long parseEpoch(String where, String text) {
        String trimmed = text.strip();
        try {
            long epoch = Long.parseLong(trimmed);
            if (epoch >= 0) {
                return epoch;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CorruptRecordException(where, "the stored epoch is '" + trimmed + "', not a term number");
    }
}
