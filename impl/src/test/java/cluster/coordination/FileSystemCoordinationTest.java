package cluster.coordination;

import cluster.core.AppRecord;
import cluster.core.WorkerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileSystemCoordinationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final long POLL_MS = 20;

    @TempDir
    Path dir;

    private final List<AutoCloseable> opened = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
    }

    /** A master: its service and its listener, both closed after the test. */
    private record Master(FileSystemCoordination service, RecordingListener listener) {
    }

    private Master start(String id) throws Exception {
        RecordingListener listener = new RecordingListener(id);
        FileSystemCoordination service = new FileSystemCoordination(dir, POLL_MS, 1);
        opened.add(listener);
        opened.add(service);
        service.start(id, listener, listener.loop);
        return new Master(service, listener);
    }

    private static void awaitLeading(Master m) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(5)).until(() -> m.listener.leading());
    }

    @Test
    void epochsIncreaseAcrossRestartsAndRecordsSurvive() throws Exception {
        Master first = start("m1");
        awaitLeading(first);
        long epoch1 = first.listener.epoch();
        assertEquals(List.of(), first.listener.records());
        AppRecord app = TestRecords.app("app-1");
        WorkerRecord worker = TestRecords.worker("worker/with slash");
        first.service.persist(epoch1, app).get(10, TimeUnit.SECONDS);
        first.service.persist(epoch1, worker).get(10, TimeUnit.SECONDS);
        first.service.persist(epoch1, TestRecords.worker("gone")).get(10, TimeUnit.SECONDS);
        first.service.unpersist(epoch1, WorkerRecord.keyOf("gone")).get(10, TimeUnit.SECONDS);
        first.service.unpersist(epoch1, "app/never-written").get(10, TimeUnit.SECONDS);
        AppRecord updated = app.withNextExecId(9);
        first.service.persist(epoch1, updated).get(10, TimeUnit.SECONDS);
        first.service.close();

        Master second = start("m1");
        awaitLeading(second);
        assertTrue(second.listener.epoch() > epoch1, second.listener.events().toString());
        assertEquals(Set.of(updated, worker), Set.copyOf(second.listener.records()));
        second.service.close();

        Master third = start("m1");
        awaitLeading(third);
        assertTrue(third.listener.epoch() > second.listener.epoch());
        assertFalse(third.listener.overlapped());
    }

    @Test
    void theLockKeepsASecondMasterStandbyUntilTheFirstCloses() throws Exception {
        Master first = start("m1");
        awaitLeading(first);
        first.service.persist(first.listener.epoch(), TestRecords.app("a1")).get(10, TimeUnit.SECONDS);
        Master second = start("m2");
        // Standby while the lock is held: a write attempt fails, the first still leads and writes.
        assertLeadershipLost(second.service.persist(first.listener.epoch(), TestRecords.app("a2")));
        first.service.persist(first.listener.epoch(), TestRecords.app("a3")).get(10, TimeUnit.SECONDS);
        assertFalse(second.listener.leading());
        assertEquals(List.of(), second.listener.events());

        long oldEpoch = first.listener.epoch();
        first.service.close();
        awaitLeading(second);
        assertTrue(second.listener.epoch() > oldEpoch);
        assertEquals(Set.of(TestRecords.app("a1"), TestRecords.app("a3")), Set.copyOf(second.listener.records()));
        // The closed master's writes fail; so does a write under the old term by the new leader.
        assertLeadershipLost(first.service.persist(oldEpoch, TestRecords.app("late")));
        assertLeadershipLost(second.service.persist(oldEpoch, TestRecords.app("late")));
        assertFalse(Files.exists(second.service.recordFile(AppRecord.keyOf("late"))));
    }

    @Test
    void aMasterProcessKilledWithSigkillFreesTheLockForTheStandby() throws Exception {
        Process child = CoordinationMasterMain.fork(Map.of(CoordinationFactory.RECOVERY_MODE, "FILESYSTEM",
                CoordinationFactory.RECOVERY_DIRECTORY, dir.toString()));
        try {
            long childEpoch = CoordinationMasterMain.awaitLeading(child, 30);
            Master standby = start("m2");
            assertLeadershipLost(standby.service.persist(childEpoch, TestRecords.app("a")));
            assertFalse(standby.listener.leading());

            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            awaitLeading(standby);
            assertTrue(standby.listener.epoch() > childEpoch);
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aStoreTakenOverBehindTheLeadersBackFencesItsWrites() throws Exception {
        Master first = start("m1");
        awaitLeading(first);
        long epoch = first.listener.epoch();
        // Another writer (say, a master on a network file system that ignores locks) claimed the next term.
        Files.writeString(dir.resolve(FileSystemCoordination.EPOCH_FILE), (epoch + 1) + "\n");
        assertLeadershipLost(first.service.persist(epoch, TestRecords.app("a1")));
        await().atMost(WAIT).until(() -> first.listener.events().contains("revoked"));
        assertFalse(Files.exists(first.service.recordFile(AppRecord.keyOf("a1"))));
        // It stepped down and is a candidate again: it takes the lock back with a newer term.
        await().atMost(WAIT).until(() -> first.listener.leading() && first.listener.epoch() > epoch + 1);
    }

    @Test
    void aCorruptRecordFileFailsTheElectionNamingTheKey() throws Exception {
        Master first = start("m1");
        awaitLeading(first);
        AppRecord app = TestRecords.app("app-20260101-0003");
        first.service.persist(first.listener.epoch(), app).get(10, TimeUnit.SECONDS);
        first.service.close();
        Path file = first.service.recordFile(app.key());
        byte[] bytes = Files.readAllBytes(file);
        bytes[bytes.length - 2] ^= 1;
        Files.write(file, bytes);

        Master second = start("m2");
        await().atMost(WAIT).until(() -> second.listener.failure() != null);
        CorruptRecordException e = assertInstanceOf(CorruptRecordException.class, second.listener.failure());
        assertEquals(app.key(), e.key());
        assertTrue(e.getMessage().contains("app/app-20260101-0003") && e.getMessage().contains(file.toString()),
                e.getMessage());
        assertFalse(second.listener.events().stream().anyMatch(s -> s.startsWith("elected")));
        // It left the election, so the lock is free for a master a person starts after repairing the store.
        Files.delete(file);
        Master third = start("m3");
        awaitLeading(third);
    }

    @Test
    void aCorruptEpochFileIsReported() throws Exception {
        Files.writeString(dir.resolve(FileSystemCoordination.EPOCH_FILE), "twelve\n", StandardCharsets.US_ASCII);
        Master m = start("m1");
        await().atMost(WAIT).until(() -> m.listener.failure() != null);
        assertTrue(m.listener.failure().getMessage().contains("twelve"), m.listener.failure().getMessage());
    }

    @Test
    void leftoverTemporaryFilesAreNotRecords() throws Exception {
        Files.createDirectories(dir.resolve(FileSystemCoordination.RECORDS_DIR));
        Path leftover = dir.resolve(FileSystemCoordination.RECORDS_DIR).resolve(AtomicFiles.TEMP_PREFIX + "123");
        Files.write(leftover, new byte[] {1, 2, 3});
        Master m = start("m1");
        awaitLeading(m);
        assertEquals(List.of(), m.listener.records());
        assertFalse(Files.exists(leftover));
    }

    static void assertLeadershipLost(CompletableFuture<Void> write) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> write.get(10, TimeUnit.SECONDS));
        assertInstanceOf(LeadershipLostException.class, e.getCause(), e.getCause().toString());
    }
}
