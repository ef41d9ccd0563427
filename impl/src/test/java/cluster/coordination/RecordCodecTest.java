package cluster.coordination;

import cluster.core.AppRecord;
import cluster.core.PersistedRecord;
import cluster.core.WorkerRecord;
import cluster.messages.ApplicationDescription;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecordCodecTest {

    @Test
    void appAndWorkerRecordsRoundTrip() {
        AppRecord app = TestRecords.app("app-7-0001");
        WorkerRecord worker = TestRecords.worker("worker-1");
        assertEquals(app, RecordCodec.decode(app.key(), RecordCodec.encode(app)));
        assertEquals(worker, RecordCodec.decode(worker.key(), RecordCodec.encode(worker)));
        AppRecord finished = app.withState(AppRecord.State.FINISHED).withNextExecId(0).withTarget(Integer.MAX_VALUE);
        assertEquals(finished, RecordCodec.decode(finished.key(), RecordCodec.encode(finished)));
    }

    @Test
    void nullableDescriptionFieldsRoundTrip() {
        ApplicationDescription description = new ApplicationDescription("x", 10, null, 1, null, List.of());
        AppRecord app = new AppRecord("a", "k", "d", description, AppRecord.State.ACTIVE, 0, 0);
        PersistedRecord back = RecordCodec.decode(app.key(), RecordCodec.encode(app));
        assertEquals(app, back);
    }

    @Test
    void everyFlippedByteIsRejectedNamingTheKey() {
        AppRecord app = TestRecords.app("app-1");
        byte[] good = RecordCodec.encode(app);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x5A;
            CorruptRecordException e = assertThrows(CorruptRecordException.class,
                    () -> RecordCodec.decode(app.key(), bad), "byte " + i);
            assertEquals(app.key(), e.key());
            assertTrue(e.getMessage().contains("'app/app-1'"), e.getMessage());
        }
    }

    @Test
    void truncatedEmptyAndTrailingBytesAreRejected() {
        WorkerRecord worker = TestRecords.worker("w1");
        byte[] good = RecordCodec.encode(worker);
        for (int length = 0; length < good.length; length++) {
            byte[] cut = Arrays.copyOf(good, length);
            assertThrows(CorruptRecordException.class, () -> RecordCodec.decode(worker.key(), cut), "length " + length);
        }
        byte[] longer = Arrays.copyOf(good, good.length + 1);
        assertThrows(CorruptRecordException.class, () -> RecordCodec.decode(worker.key(), longer));
        assertThrows(CorruptRecordException.class, () -> RecordCodec.decode(worker.key(), null));
    }

    @Test
    void aRecordStoredUnderAnotherKeyIsRejected() {
        WorkerRecord worker = TestRecords.worker("w1");
        CorruptRecordException e = assertThrows(CorruptRecordException.class,
                () -> RecordCodec.decode("worker/w2", RecordCodec.encode(worker)));
        assertEquals("worker/w2", e.key());
        assertTrue(e.getMessage().contains("worker/w1"), e.getMessage());
    }

    @Test
    void anotherFormatIsRejectedByName() {
        byte[] stored = RecordCodec.encode(TestRecords.worker("w1"));
        stored[3] = '2';
        CorruptRecordException e = assertThrows(CorruptRecordException.class, () -> RecordCodec.decode("worker/w1", stored));
        assertTrue(e.getMessage().contains("format"), e.getMessage());
    }
}
