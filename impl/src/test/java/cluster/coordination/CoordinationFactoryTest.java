package cluster.coordination;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static cluster.coordination.CoordinationFactory.RECOVERY_DIRECTORY;
import static cluster.coordination.CoordinationFactory.RECOVERY_MODE;
import static cluster.coordination.CoordinationFactory.ZK_CONNECTION_TIMEOUT;
import static cluster.coordination.CoordinationFactory.ZK_DIR;
import static cluster.coordination.CoordinationFactory.ZK_SESSION_TIMEOUT;
import static cluster.coordination.CoordinationFactory.ZK_URL;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CoordinationFactoryTest {

    @TempDir
    Path dir;

    @Test
    void noneIsAFreshInMemoryServiceWhoseFirstEpochIsTheStartTime() throws Exception {
        for (Map<String, String> conf : java.util.List.of(Map.<String, String>of(), Map.of(RECOVERY_MODE, "none"))) {
            assertEquals(1_700_000_000_123L, firstEpoch(CoordinationFactory.fromSparkConf(conf, 1_700_000_000_123L)));
        }
    }

    @Test
    void aFileSystemMasterClaimsAtLeastItsStartTimeAndOneMoreThanTheStoredTerm() throws Exception {
        Map<String, String> conf = Map.of(RECOVERY_MODE, "FILESYSTEM", RECOVERY_DIRECTORY, dir.resolve("new").toString());
        assertEquals(5_000, firstEpoch(CoordinationFactory.fromSparkConf(conf, 5_000)));
        assertEquals(5_001, firstEpoch(CoordinationFactory.fromSparkConf(conf, 4_000)), "a clock set back");
        assertEquals(9_000, firstEpoch(CoordinationFactory.fromSparkConf(conf, 9_000)));
    }

    static long firstEpoch(CoordinationService service) throws Exception {
        try (service; RecordingListener listener = new RecordingListener("m")) {
            service.start("m", listener, listener.loop);
            await().atMost(Duration.ofSeconds(30)).until(listener::leading);
            return listener.epoch();
        }
    }

    @Test
    void fileSystemAndZooKeeperModesAreChosenByTheRecoveryMode() {
        assertInstanceOf(FileSystemCoordination.class, CoordinationFactory.fromSparkConf(
                Map.of(RECOVERY_MODE, "FILESYSTEM", RECOVERY_DIRECTORY, dir.toString()), 1));
        assertInstanceOf(ZooKeeperCoordination.class, CoordinationFactory.fromSparkConf(
                Map.of(RECOVERY_MODE, "ZOOKEEPER", ZK_URL, "zk1:2181,zk2:2181,[::1]:2181/chroot",
                        ZK_SESSION_TIMEOUT, "1s", ZK_CONNECTION_TIMEOUT, "500ms", ZK_DIR, "/cluster/a/"), 1));
    }

    @Test
    void settingsAreParsedInSparksForms() {
        assertEquals(1500, CoordinationFactory.durationMs(Map.of("k", "1500"), "k", 7));
        assertEquals(1500, CoordinationFactory.durationMs(Map.of("k", "1500ms"), "k", 7));
        assertEquals(2000, CoordinationFactory.durationMs(Map.of("k", "2s"), "k", 7));
        assertEquals(120_000, CoordinationFactory.durationMs(Map.of("k", "2min"), "k", 7));
        assertEquals(60_000, CoordinationFactory.durationMs(Map.of("k", "1m"), "k", 7));
        assertEquals(7, CoordinationFactory.durationMs(Map.of(), "k", 7));
        assertEquals("/spark", CoordinationFactory.zooKeeperDir(Map.of()));
        assertEquals("/a/b", CoordinationFactory.zooKeeperDir(Map.of(ZK_DIR, "/a/b/")));
        assertEquals("", CoordinationFactory.zooKeeperDir(Map.of(ZK_DIR, "/")));
    }

    @Test
    void badOrMissingSettingsNameTheKey() {
        assertBad(RECOVERY_MODE, Map.of(RECOVERY_MODE, "CUSTOM"));
        assertBad(RECOVERY_MODE, Map.of(RECOVERY_MODE, "zookeper"));
        assertBad(RECOVERY_DIRECTORY, Map.of(RECOVERY_MODE, "FILESYSTEM"));
        assertBad(RECOVERY_DIRECTORY, Map.of(RECOVERY_MODE, "FILESYSTEM", RECOVERY_DIRECTORY, "  "));
        assertBad(RECOVERY_DIRECTORY, Map.of(RECOVERY_MODE, "FILESYSTEM", RECOVERY_DIRECTORY, "a\0b"));
        Map<String, String> zk = new HashMap<>(Map.of(RECOVERY_MODE, "ZOOKEEPER"));
        assertBad(ZK_URL, zk);
        zk.put(ZK_URL, "zk1:2181,,zk2:2181");
        assertBad(ZK_URL, zk);
        zk.put(ZK_URL, "zk1:port");
        assertBad(ZK_URL, zk);
        zk.put(ZK_URL, "zk1:99999");
        assertBad(ZK_URL, zk);
        zk.put(ZK_URL, "zk1:2181");
        zk.put(ZK_DIR, "spark");
        assertBad(ZK_DIR, zk);
        zk.put(ZK_DIR, "/spark//x");
        assertBad(ZK_DIR, zk);
        zk.remove(ZK_DIR);
        for (String bad : new String[] {"0", "-1s", "1.5s", "soon", "3000000h", "99999999999999999999"}) {
            zk.put(ZK_SESSION_TIMEOUT, bad);
            assertBad(ZK_SESSION_TIMEOUT, zk);
        }
        zk.put(ZK_SESSION_TIMEOUT, "1s");
        zk.put(ZK_CONNECTION_TIMEOUT, "1d");
        assertBad(ZK_CONNECTION_TIMEOUT, zk);
    }

    private static void assertBad(String key, Map<String, String> conf) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> CoordinationFactory.fromSparkConf(conf, 1), conf.toString());
        assertTrue(e.getMessage().startsWith(key), "should name " + key + ": " + e.getMessage());
    }
}
