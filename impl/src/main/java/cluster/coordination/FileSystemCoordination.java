package cluster.coordination;

import cluster.core.PersistedRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Coordination in a directory ({@code spark.deploy.recoveryMode=FILESYSTEM}): for one master that restarts.
 *
 * <p>Layout: {@code epoch} (the last term, decimal), {@code lock} (held with an OS file lock by the leader),
 * {@code records/<url-encoded key>.record} (one {@link RecordCodec} file per record). Every file is replaced
 * atomically and forced to disk ({@link AtomicFiles}).
 *
 * <p>Leadership is the file lock: a master that cannot take it stays standby and retries every
 * {@code lockPollMs}, so a second master on the same directory waits until the first exits (the OS frees the
 * lock of a dead process). Each term raises the stored epoch by at least one, so epochs keep growing across restarts.
 * Before every write the epoch file is read again and must still hold this term: a store taken over behind the
 * lock's back (a lock the file system does not enforce, say on some network file systems) fences the old
 * writer instead of letting two masters write.
 *
 * <p>All file work runs on one thread per instance, in the order asked.
 */
public final class FileSystemCoordination implements CoordinationService {

    private static final Logger LOG = LoggerFactory.getLogger(FileSystemCoordination.class);
    static final String EPOCH_FILE = "epoch";
    static final String LOCK_FILE = "lock";
    static final String RECORDS_DIR = "records";
    static final String RECORD_SUFFIX = ".record";

    private final Path dir;
    private final Path records;
    private final long lockPollMs;
    private final long minEpoch;
    private ScheduledExecutorService worker;
    private LeadershipTerm term;
    private FileChannel lockChannel;
    private FileLock lock;
    private volatile boolean closed;
    /** Set when the service gave up (an unreadable store): no more attempts, but close() still cleans up. */
    private volatile boolean gaveUp;

    /**
     * @param lockPollMs how often a standby tries the lock
     * @param minEpoch   the lowest term this master may claim (the factory passes its start time in ms): a master
     *                   whose directory was wiped still outranks the earlier terms that running workers remember
     */
    public FileSystemCoordination(Path dir, long lockPollMs, long minEpoch) {
        if (lockPollMs < 1) {
            throw new IllegalArgumentException("lockPollMs must be at least 1: " + lockPollMs);
        }
        this.dir = dir;
        this.records = dir.resolve(RECORDS_DIR);
        this.lockPollMs = lockPollMs;
        this.minEpoch = minEpoch;
    }

    @Override
    public synchronized void start(String masterId, LeadershipListener listener, Executor callbacks) throws IOException {
        if (term != null) {
            throw new IllegalStateException("already started");
        }
        try {
            Files.createDirectories(records);
            lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IOException("cannot use the recovery directory " + dir + ": " + e, e);
        }
        term = new LeadershipTerm(masterId, listener, callbacks);
        worker = StoreThreads.single("coordination-fs-" + masterId);
        worker.execute(this::tryToLead);
    }

    @Override
    public CompletableFuture<Void> persist(long epoch, PersistedRecord record) {
        byte[] content = RecordCodec.encode(record);
        return onWorker(epoch, () -> AtomicFiles.write(recordFile(record.key()), content));
    }

    @Override
    public CompletableFuture<Void> unpersist(long epoch, String key) {
        return onWorker(epoch, () -> AtomicFiles.delete(recordFile(key)));
    }

    @Override
    public void close() {
        ScheduledExecutorService w;
        synchronized (this) {
            w = closed ? null : worker;
            closed = true;
        }
        if (w == null) {
            return;
        }
        try {
            w.submit(this::stepDown).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("closing the file-system coordination in {}: {}", dir, e.toString());
        } finally {
            w.shutdownNow();
            closeQuietly(lockChannel);
        }
    }

    private CompletableFuture<Void> onWorker(long epoch, StoreThreads.Work work) {
        return StoreThreads.submit(worker, () -> {
            requireCurrent(epoch);
            work.run();
        }, () -> term.lost(epoch, "the coordination service is closed"));
    }

    /** The write fence: this master's term, the lock still held, and the stored epoch still this term's. */
    private void requireCurrent(long epoch) throws IOException {
        term.require(epoch);
        long stored = readEpoch();
        if (lock == null || !lock.isValid() || stored != epoch) {
            LOG.error("the store in {} moved on to term {} while this master led term {}; stepping down", dir,
                    stored, epoch);
            stepDown();
            scheduleAttempt();
            throw term.lost(epoch, "the store in " + dir + " is at term " + stored);
        }
    }

    private void tryToLead() {
        if (closed || gaveUp) {
            return;
        }
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // another instance in this JVM holds it: the same as another process holding it
        } catch (IOException e) {
            LOG.warn("cannot try the lock in {}: {}", dir, e.toString());
            lock = null;
        }
        if (lock == null) {
            scheduleAttempt();
            return;
        }
        long startNanos = System.nanoTime();
        try {
            long epoch = Math.max(readEpoch() + 1, minEpoch);
            AtomicFiles.write(dir.resolve(EPOCH_FILE), (epoch + "\n").getBytes(StandardCharsets.US_ASCII));
            List<PersistedRecord> stored = readRecords();
            LOG.info("leading term {} from {} ({} records, claimed and read in {} ms)", epoch, dir, stored.size(),
                    (System.nanoTime() - startNanos) / 1_000_000);
            term.begin(epoch, stored);
        } catch (IOException | RuntimeException e) {
            LOG.error("cannot lead from {}: {}", dir, e.getMessage());
            releaseLock();
            gaveUp = true;
            term.fail(e);
        }
    }

    private void scheduleAttempt() {
        if (!closed && !gaveUp) {
            worker.schedule(this::tryToLead, lockPollMs, TimeUnit.MILLISECONDS);
        }
    }

    private void stepDown() {
        term.end();
        releaseLock();
    }

    private void releaseLock() {
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException e) {
                LOG.warn("releasing the lock in {}: {}", dir, e.toString());
            }
            lock = null;
        }
    }

    /** The last term stored, 0 for a fresh directory. */
    private long readEpoch() throws IOException {
        Path file = dir.resolve(EPOCH_FILE);
        if (!Files.exists(file)) {
            return 0;
        }
        return StoreThreads.parseEpoch(file.toString(), Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Every stored record, leaving out (and deleting) temporary files a crash left behind. */
    private List<PersistedRecord> readRecords() throws IOException {
        List<PersistedRecord> result = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(records)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (name.startsWith(AtomicFiles.TEMP_PREFIX)) {
                    Files.deleteIfExists(file);
                } else if (name.endsWith(RECORD_SUFFIX)) {
                    String key = StoreKeys.fromName(name.substring(0, name.length() - RECORD_SUFFIX.length()));
                    try {
                        result.add(RecordCodec.decode(key, Files.readAllBytes(file)));
                    } catch (CorruptRecordException e) {
                        throw new CorruptRecordException(key, e.problem() + " (file " + file + ")", e);
                    }
                } else {
                    LOG.warn("ignoring {}: not a record file of this store", file);
                }
            }
        }
        return result;
    }

    Path recordFile(String key) {
        return records.resolve(StoreKeys.toName(key) + RECORD_SUFFIX);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.debug("closing the lock file: {}", e.toString());
            }
        }
    }
}
