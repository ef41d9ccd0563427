package cluster.coordination;

import cluster.core.PersistedRecord;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.api.transaction.CuratorTransactionResult;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.retry.ExponentialBackoffRetry;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.OpResult;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Coordination through ZooKeeper with Apache Curator ({@code spark.deploy.recoveryMode=ZOOKEEPER}).
 *
 * <p>Layout under the base directory (default {@code /spark}): {@code leader_election} (Curator
 * {@link LeaderLatch}, as Spark), {@code epoch} (the last term, decimal) and {@code records/<url-encoded key>}.
 *
 * <p>A master that wins the latch claims a term by raising {@code epoch} (by one, or to its start time if that is larger) with a versioned
 * {@code setData}, in one transaction with a check that its own latch node still exists; only then does it
 * read the records and report {@code elected}. Every write is a transaction that checks the epoch node is
 * still at the version this term left it at and that the latch node still exists, so the write of a master
 * that has been deposed fails (with {@link LeadershipLostException}) even before it hears of it, and the next
 * leader, which reads after its own epoch change, has seen every write that succeeded.
 *
 * <p>A SUSPENDED or LOST connection ends the term at once ({@code revoked}; the master steps down and keeps
 * running, unlike Spark's master, which exits); the latch makes the master a candidate again once the
 * connection is back. Latch and connection events are handled on one thread per instance, writes on another,
 * each in order.
 */
public final class ZooKeeperCoordination implements CoordinationService {

    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperCoordination.class);
    private static final int WRITE_ATTEMPTS = 3;
    private static final int CLAIM_ATTEMPTS = 10;

    /** What a write must check: this term's epoch node version and this term's latch node. */
    private record Lease(long epoch, int epochVersion, String latchPath, LeaderLatch latch) {
    }

    private final String connectString;
    private final String electionPath;
    private final String epochPath;
    private final String recordsPath;
    private final int sessionTimeoutMs;
    private final int connectionTimeoutMs;
    private final long minEpoch;
    private CuratorFramework client;
    private ExecutorService events;
    private ExecutorService io;
    private LeadershipTerm term;
    private String masterId;
    /** The latch of the current candidacy; replaced when a failed write shows this master was deposed. */
    private LeaderLatch latch;
    private volatile Lease lease;
    private volatile boolean closed;
    /** Set when the service gave up (a corrupt store): no more candidacy, but close() still releases everything. */
    private volatile boolean gaveUp;
    /** The epoch and records nodes exist (they are never deleted), so a later claim skips creating them. */
    private boolean layoutReady;

    /**
     * @param baseDir  the znode all of this cluster's nodes live under, e.g. {@code /spark}
     * @param minEpoch the lowest term this master may claim (the factory passes its start time in ms): after the
     *                 znodes were deleted, a new leader still outranks the earlier terms running workers remember
     */
    public ZooKeeperCoordination(String connectString, String baseDir, int sessionTimeoutMs, int connectionTimeoutMs,
                                 long minEpoch) {
        this.connectString = connectString;
        this.electionPath = baseDir + "/leader_election";
        this.epochPath = baseDir + "/epoch";
        this.recordsPath = baseDir + "/records";
        this.sessionTimeoutMs = sessionTimeoutMs;
        this.connectionTimeoutMs = connectionTimeoutMs;
        this.minEpoch = minEpoch;
    }

    @Override
    public synchronized void start(String id, LeadershipListener listener, Executor callbacks) {
        if (term != null) {
            throw new IllegalStateException("already started as " + masterId);
        }
        masterId = id;
        term = new LeadershipTerm(id, listener, callbacks);
        events = StoreThreads.single("coordination-zk-" + id);
        io = StoreThreads.single("coordination-zk-io-" + id);
        // Short retries: a write that cannot reach ZooKeeper should fail soon and let the master decide,
        // and the latch retries on its own after a reconnect.
        client = CuratorFrameworkFactory.builder().connectString(connectString)
                .sessionTimeoutMs(sessionTimeoutMs).connectionTimeoutMs(connectionTimeoutMs)
                .retryPolicy(new ExponentialBackoffRetry(100, 3, 1000)).build();
        client.getConnectionStateListenable().addListener((c, state) -> connectionChanged(state), events);
        client.start();
        events.execute(this::joinElection);
    }

    @Override
    public CompletableFuture<Void> persist(long epoch, PersistedRecord record) {
        byte[] data = RecordCodec.encode(record);
        return onIo(epoch, () -> write(epoch, record.key(), data));
    }

    @Override
    public CompletableFuture<Void> unpersist(long epoch, String key) {
        return onIo(epoch, () -> write(epoch, key, null));
    }

    @Override
    public void close() {
        synchronized (this) {
            boolean wasClosed = closed;
            closed = true;
            if (wasClosed || term == null) {
                return;
            }
        }
        try {
            events.submit(() -> {
                lease = null;
                term.end();
                closeLatch(latch);
            }).get(connectionTimeoutMs + 5000L, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("{}: leaving the election: {}", masterId, e.toString());
        }
        io.shutdownNow();
        events.shutdownNow();
        client.close();
    }

    /** The Curator client, for tests that expire its session. */
    CuratorFramework curator() {
        return client;
    }

    private CompletableFuture<Void> onIo(long epoch, StoreThreads.Work work) {
        return StoreThreads.submit(io, work, () -> term.lost(epoch, "the coordination service is closed"));
    }

    // ---- election (events thread) ----

    private void joinElection() {
        if (closed || gaveUp) {
            return;
        }
        LeaderLatch candidacy = new LeaderLatch(client, electionPath, masterId, LeaderLatch.CloseMode.SILENT);
        candidacy.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {
                claimTerm(candidacy);
            }

            @Override
            public void notLeader() {
                endTerm(candidacy, "the latch says it no longer leads");
            }
        }, events);
        latch = candidacy;
        try {
            candidacy.start();
        } catch (Exception e) {
            giveUp(e);
        }
    }

    /** Won the latch: raise the epoch (checked against our latch node), read the records, report the term. */
    private void claimTerm(LeaderLatch won) {
        if (closed || gaveUp || won != latch || !won.hasLeadership()) {
            return;
        }
        String latchPath = won.getOurPath();
        long startNanos = System.nanoTime();
        try {
            if (!layoutReady) {
                createIfMissing(epochPath, "0".getBytes(StandardCharsets.US_ASCII));
                createIfMissing(recordsPath, new byte[0]);
                layoutReady = true;
            }
            for (int attempt = 1; attempt <= CLAIM_ATTEMPTS; attempt++) {
                Stat stat = new Stat();
                long epoch = Math.max(parseEpoch(client.getData().storingStatIn(stat).forPath(epochPath)) + 1, minEpoch);
                List<CuratorTransactionResult> results;
                try {
                    results = client.transaction().forOperations(
                            client.transactionOp().check().forPath(latchPath),
                            client.transactionOp().setData().withVersion(stat.getVersion())
                                    .forPath(epochPath, Long.toString(epoch).getBytes(StandardCharsets.US_ASCII)));
                } catch (KeeperException e) {
                    if (failedOperation(e) == 0) {
                        LOG.info("{}: lost the latch node before claiming a term", masterId);
                        return;
                    }
                    if (e.code() == KeeperException.Code.BADVERSION) {
                        continue; // a deposed leader's claim got in between: read the epoch again
                    }
                    throw e;
                }
                int epochVersion = results.get(1).getResultStat().getVersion();
                List<PersistedRecord> stored = readRecords();
                lease = new Lease(epoch, epochVersion, latchPath, won);
                LOG.info("{}: leading term {} ({} records, claimed and read in {} ms)", masterId, epoch,
                        stored.size(), (System.nanoTime() - startNanos) / 1_000_000);
                term.begin(epoch, stored);
                return;
            }
            throw new IllegalStateException("the epoch in " + epochPath + " kept changing during " + CLAIM_ATTEMPTS
                    + " attempts to claim a term");
        } catch (CorruptRecordException e) {
            giveUp(e);
        } catch (Exception e) {
            // Most likely the connection went. Holding the latch without a term would leave the cluster with no
            // leader, so give the latch up and stand again (the new latch waits for the connection).
            LOG.warn("{}: could not claim a term, standing again: {}", masterId, e.toString());
            rejoin(won);
        }
    }

    private void endTerm(LeaderLatch from, String why) {
        if (from != latch) {
            return;
        }
        lease = null;
        if (term.end()) {
            LOG.warn("{}: stepping down: {}", masterId, why);
        }
    }

    private void connectionChanged(ConnectionState state) {
        LOG.info("{}: ZooKeeper connection {}", masterId, state);
        if (state == ConnectionState.SUSPENDED || state == ConnectionState.LOST) {
            endTerm(latch, "ZooKeeper connection " + state);
        }
    }

    /**
     * Leaves the election and stands again: after a write found this master deposed though its latch had not
     * said so, or when a won latch could not be turned into a term.
     */
    private void rejoin(LeaderLatch deposed) {
        if (closed || gaveUp || deposed != latch) {
            return;
        }
        endTerm(deposed, "its latch no longer gives it a term");
        closeLatch(deposed);
        joinElection();
    }

    private void giveUp(Exception cause) {
        LOG.error("{}: leaving the election: {}", masterId, cause.getMessage());
        gaveUp = true;
        lease = null;
        closeLatch(latch);
        term.fail(cause);
    }

    // ---- store (io thread) ----

    private void write(long epoch, String key, byte[] data) throws Exception {
        Lease current = lease;
        if (current == null || current.epoch != epoch || !term.isLeading(epoch)) {
            throw term.lost(epoch, current == null ? "it leads no term" : "it leads term " + current.epoch);
        }
        String path = recordsPath + "/" + StoreKeys.toName(key);
        for (int attempt = 1; ; attempt++) {
            boolean exists = client.checkExists().forPath(path) != null;
            List<CuratorOp> ops = new ArrayList<>();
            ops.add(client.transactionOp().check().withVersion(current.epochVersion).forPath(epochPath));
            ops.add(client.transactionOp().check().forPath(current.latchPath));
            if (data != null) {
                ops.add(exists ? client.transactionOp().setData().forPath(path, data)
                        : client.transactionOp().create().forPath(path, data));
            } else if (exists) {
                ops.add(client.transactionOp().delete().forPath(path));
            }
            try {
                client.transaction().forOperations(ops);
                return;
            } catch (KeeperException e) {
                int failed = failedOperation(e);
                if (failed == 0 || failed == 1) {
                    events.execute(() -> rejoin(current.latch));
                    throw term.lost(epoch, failed == 0 ? "the epoch node " + epochPath + " has moved on"
                            : "its latch node " + current.latchPath + " is gone");
                }
                if (failed != 2 || attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
                // The record appeared or vanished between the existence check and the transaction: go again.
            }
        }
    }

    private List<PersistedRecord> readRecords() throws Exception {
        List<PersistedRecord> result = new ArrayList<>();
        for (String name : client.getChildren().forPath(recordsPath)) {
            String key = StoreKeys.fromName(name);
            try {
                result.add(RecordCodec.decode(key, client.getData().forPath(recordsPath + "/" + name)));
            } catch (CorruptRecordException e) {
                throw new CorruptRecordException(key, e.problem() + " (znode " + recordsPath + "/" + name + ")", e);
            }
        }
        return result;
    }

    // ---- helpers ----

    private long parseEpoch(byte[] data) {
        return StoreThreads.parseEpoch(epochPath, new String(data, StandardCharsets.US_ASCII));
    }

    private void createIfMissing(String path, byte[] data) throws Exception {
        try {
            client.create().creatingParentsIfNeeded().forPath(path, data);
        } catch (KeeperException.NodeExistsException e) {
            // made by an earlier leader
        }
    }

    /** The index of the operation that made a transaction fail, or -1 if ZooKeeper did not say. */
    private static int failedOperation(KeeperException e) {
        List<OpResult> results = e.getResults();
        if (results == null) {
            return -1;
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) instanceof OpResult.ErrorResult error
                    && error.getErr() != KeeperException.Code.OK.intValue()
                    && error.getErr() != KeeperException.Code.RUNTIMEINCONSISTENCY.intValue()) {
                return i;
            }
        }
        return -1;
    }

    private void closeLatch(LeaderLatch candidacy) {
        if (candidacy == null) {
            return;
        }
        try {
            candidacy.close();
        } catch (Exception e) {
            LOG.debug("{}: closing the latch: {}", masterId, e.toString());
        }
    }
}
