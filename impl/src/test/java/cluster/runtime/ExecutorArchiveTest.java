package cluster.runtime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Archives of earlier builds do not pile up in the temporary directory. */
class ExecutorArchiveTest {

    @Test
    void archivesUnusedForADayAreRemovedButTheNewOneAndRecentOnesStay(@TempDir Path dir) throws Exception {
        Path current = Files.writeString(dir.resolve("executor-current.jsa"), "x");
        Path recent = Files.writeString(dir.resolve("executor-recent.jsa"), "x");
        Path stale = Files.writeString(dir.resolve("executor-stale.jsa"), "x");
        Path other = Files.writeString(dir.resolve("unrelated.txt"), "x");
        long old = System.currentTimeMillis() - TimeUnit.HOURS.toMillis(ExecutorArchive.STALE_HOURS + 1);
        Files.setLastModifiedTime(stale, FileTime.fromMillis(old));
        Files.setLastModifiedTime(current, FileTime.fromMillis(old));
        Files.setLastModifiedTime(other, FileTime.fromMillis(old));

        ExecutorArchive.removeStale(dir, current);

        assertTrue(Files.exists(current) && Files.exists(recent) && Files.exists(other));
        assertFalse(Files.exists(stale));
    }
}
