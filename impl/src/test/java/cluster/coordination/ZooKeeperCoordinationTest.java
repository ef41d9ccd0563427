package cluster.coordination;

import cluster.core.AppRecord;
import cluster.core.WorkerRecord;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.CuratorFrameworkFactory;
import org.apache.curator.retry.RetryOneTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static cluster.coordination.FileSystemCoordinationTest.assertLeadershipLost;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Against a real single-node ZooKeeper in this JVM, with a 50 ms tick and 1 s sessions so failovers are quick. */
class ZooKeeperCoordinationTest {

    private static final int TICK_MS = 50;
    private static final int SESSION_MS = 1000;
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String BASE = "/spark";

    @TempDir
    Path dataDir;

    private EmbeddedZooKeeper server;
    private CuratorFramework admin;
    private final List<AutoCloseable> opened = new ArrayList<>();

    private record Master(ZooKeeperCoordination service, RecordingListener listener) {
    }

    @BeforeEach
    void startServer() throws Exception {
        server = EmbeddedZooKeeper.start("127.0.0.1", 0, dataDir, TICK_MS);
        admin = CuratorFrameworkFactory.newClient(server.connectString(), SESSION_MS, SESSION_MS, new RetryOneTime(50));
        admin.start();
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = opened.size() - 1; i >= 0; i--) {
            opened.get(i).close();
        }
        admin.close();
        server.close();
    }

    private Master start(String id) throws Exception {
        RecordingListener listener = new RecordingListener(id);
        ZooKeeperCoordination service = new ZooKeeperCoordination(server.connectString(), BASE, SESSION_MS, SESSION_MS, 1);
        opened.add(listener);
        opened.add(service);
        service.start(id, listener, listener.loop);
        return new Master(service, listener);
    }

    private static Master awaitOneLeader(List<Master> masters) {
        await().atMost(WAIT).until(() -> masters.stream().filter(m -> m.listener.leading()).count() == 1);
        return masters.stream().filter(m -> m.listener.leading()).findFirst().orElseThrow();
    }

    private static void awaitLeadingAbove(Master m, long epoch) {
        await().atMost(WAIT).until(() -> m.listener.leading() && m.listener.epoch() > epoch);
    }

    private byte[] stored(String key) throws Exception {
        return admin.checkExists().forPath(BASE + "/records/" + StoreKeys.toName(key)) == null ? null
                : admin.getData().forPath(BASE + "/records/" + StoreKeys.toName(key));
    }

    @Test
    void oneLeaderAtATimeAndTheNextTakesOverWithAHigherEpochWhenItCloses() throws Exception {
        List<Master> masters = new ArrayList<>(List.of(start("m1"), start("m2"), start("m3")));
        Master first = awaitOneLeader(masters);
        long epoch1 = first.listener.epoch();
        AppRecord app = TestRecords.app("app-1");
        WorkerRecord worker = TestRecords.worker("w1");
        first.service.persist(epoch1, app).get(10, TimeUnit.SECONDS);
        first.service.persist(epoch1, worker).get(10, TimeUnit.SECONDS);
        first.service.persist(epoch1, app.withTarget(7)).get(10, TimeUnit.SECONDS);
        first.service.unpersist(epoch1, WorkerRecord.keyOf("never")).get(10, TimeUnit.SECONDS);

        first.service.close();
        masters.remove(first);
        Master second = awaitOneLeader(masters);
        assertTrue(second.listener.epoch() > epoch1);
        assertEquals(Set.of(app.withTarget(7), worker), Set.copyOf(second.listener.records()));
        assertLeadershipLost(first.service.persist(epoch1, TestRecords.app("late")));
        assertLeadershipLost(second.service.persist(epoch1, TestRecords.app("late")));
        assertNull(stored(AppRecord.keyOf("late")));

        second.service.unpersist(second.listener.epoch(), worker.key()).get(10, TimeUnit.SECONDS);
        assertNull(stored(worker.key()));
        for (Master m : List.of(first, second, masters.get(0), masters.get(1))) {
            assertFalse(m.listener.overlapped());
        }
    }

    @Test
    void aDeposedLeaderThatHasNotNoticedCannotWriteAndBecomesACandidateAgain() throws Exception {
        Master a = start("a");
        await().atMost(WAIT).until(() -> a.listener.leading());
        Master b = start("b");
        long epochA = a.listener.epoch();
        // The server drops a's latch node as it would on expiring a's session, but a hears nothing of it.
        String electionPath = BASE + "/leader_election";
        for (String child : admin.getChildren().forPath(electionPath)) {
            if (new String(admin.getData().forPath(electionPath + "/" + child), StandardCharsets.UTF_8).equals("a")) {
                admin.delete().forPath(electionPath + "/" + child);
            }
        }
        awaitLeadingAbove(b, epochA);
        assertTrue(a.listener.leading(), "a has not been told yet");

        assertLeadershipLost(a.service.persist(epochA, TestRecords.app("split-brain")));
        assertNull(stored(AppRecord.keyOf("split-brain")));
        await().atMost(WAIT).until(() -> !a.listener.leading());
        long epochB = b.listener.epoch();
        b.service.persist(epochB, TestRecords.app("ok")).get(10, TimeUnit.SECONDS);

        b.service.close();
        awaitLeadingAbove(a, epochB);
        assertEquals(List.of(TestRecords.app("ok")), a.listener.records());
        assertEquals(List.of("elected " + epochA, "revoked", "elected " + a.listener.epoch()), a.listener.events());
    }

    @Test
    void aLeaderProcessKilledWithSigkillIsReplacedOnceItsSessionExpires() throws Exception {
        Process child = CoordinationMasterMain.fork(Map.of(CoordinationFactory.RECOVERY_MODE, "ZOOKEEPER",
                CoordinationFactory.ZK_URL, server.connectString(), CoordinationFactory.ZK_SESSION_TIMEOUT, SESSION_MS + "ms"));
        try {
            long childEpoch = CoordinationMasterMain.awaitLeading(child, 30);
            Master standby = start("standby");
            assertLeadershipLost(standby.service.persist(childEpoch, TestRecords.app("a")));
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            awaitLeadingAbove(standby, childEpoch);
        } finally {
            child.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void aLostSessionRevokesTheLeaderWhichRejoinsTheElection() throws Exception {
        Master a = start("a");
        await().atMost(WAIT).until(() -> a.listener.leading());
        Master b = start("b");
        long epochA = a.listener.epoch();
        // Only once b stands in the election is it next in line; expiring a's session earlier lets a, back at
        // once, stand again ahead of b and win a new term itself (which is right, but not what this test is about).
        await().atMost(WAIT).until(() -> admin.getChildren().forPath(BASE + "/leader_election").size() == 2);
        a.service.curator().getZookeeperClient().getZooKeeper().getTestable().injectSessionExpiration();
        awaitLeadingAbove(b, epochA);
        await().atMost(WAIT).until(() -> a.listener.events().contains("revoked"));
        assertLeadershipLost(a.service.persist(epochA, TestRecords.app("late")));

        long epochB = b.listener.epoch();
        b.service.close();
        awaitLeadingAbove(a, epochB);
    }

    @Test
    void aConnectionLossRevokesAndTheMasterLeadsAgainWhenZooKeeperIsBack() throws Exception {
        Master a = start("a");
        await().atMost(WAIT).until(() -> a.listener.leading());
        long epoch = a.listener.epoch();
        a.service.persist(epoch, TestRecords.worker("w")).get(10, TimeUnit.SECONDS);
        int port = server.port();
        admin.close();
        server.close();
        await().atMost(WAIT).until(() -> !a.listener.leading());
        assertLeadershipLost(a.service.persist(epoch, TestRecords.app("late")));

        server = EmbeddedZooKeeper.start("127.0.0.1", port, dataDir, TICK_MS);
        admin = CuratorFrameworkFactory.newClient(server.connectString(), SESSION_MS, SESSION_MS, new RetryOneTime(50));
        admin.start();
        awaitLeadingAbove(a, epoch);
        assertEquals(List.of(TestRecords.worker("w")), a.listener.records());
    }

    @Test
    void recordsAndEpochsSurviveARestartOfEveryMaster() throws Exception {
        Master first = start("m1");
        await().atMost(WAIT).until(() -> first.listener.leading());
        long epoch = first.listener.epoch();
        first.service.persist(epoch, TestRecords.app("app-1")).get(10, TimeUnit.SECONDS);
        first.service.close();

        Master again = start("m1");
        awaitLeadingAbove(again, epoch);
        assertEquals(List.of(TestRecords.app("app-1")), again.listener.records());
    }

    @Test
    void theFactoryConfiguresZooKeeperAndAMasterClaimsAtLeastItsStartTime() throws Exception {
        Map<String, String> conf = Map.of(CoordinationFactory.RECOVERY_MODE, "ZOOKEEPER",
                CoordinationFactory.ZK_URL, server.connectString(), CoordinationFactory.ZK_DIR, "/other/",
                CoordinationFactory.ZK_SESSION_TIMEOUT, "1s", CoordinationFactory.ZK_CONNECTION_TIMEOUT, "1000ms");
        assertEquals(5_000, CoordinationFactoryTest.firstEpoch(CoordinationFactory.fromSparkConf(conf, 5_000)));
        assertEquals(5_001, CoordinationFactoryTest.firstEpoch(CoordinationFactory.fromSparkConf(conf, 4_000)));
        assertEquals("5001", new String(admin.getData().forPath("/other/epoch"), StandardCharsets.US_ASCII));
    }

    @Test
    void aCorruptRecordMakesTheElectedMasterFailNamingTheKey() throws Exception {
        admin.create().creatingParentsIfNeeded().forPath(BASE + "/records/" + StoreKeys.toName("app/app-9"),
                new byte[] {'S', 'C', 'R', '1', 0, 0, 0, 0, 42});
        Master m = start("m1");
        await().atMost(WAIT).until(() -> m.listener.failure() != null);
        CorruptRecordException e = assertInstanceOf(CorruptRecordException.class, m.listener.failure());
        assertEquals("app/app-9", e.key());
        assertTrue(e.getMessage().contains("app/app-9"), e.getMessage());
        assertFalse(m.listener.events().stream().anyMatch(s -> s.startsWith("elected")));
        // It left the election: a master started after the repair leads.
        admin.delete().forPath(BASE + "/records/" + StoreKeys.toName("app/app-9"));
        Master next = start("m2");
        await().atMost(WAIT).until(() -> next.listener.leading());
    }
}
