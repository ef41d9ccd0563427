package cluster.harness;

import cluster.messages.Envelope;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.Heartbeat;
import cluster.messages.LaunchExecutor;
import cluster.messages.Message;
import cluster.runtime.maelstrom.MaelstromStdio;
import cluster.sim.FaultKind;
import cluster.sim.HtmlReport;
import cluster.sim.Timeline;
import cluster.sim.Violation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A process campaign's timeline, recorded from what the harness sees (messages as the network carries them, the
 * processes' lives, the faults, the lease), drawn by the simulator's report: a lane per node, faults as intervals,
 * executor launches, leader terms, the violation; and thinned when the messages are many.
 */
class ProcessReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final long start = System.nanoTime();

    private long at(long ms) {
        return start + TimeUnit.MILLISECONDS.toNanos(ms);
    }

    /** A cluster message as a node writes it on stdout: its envelope in Chronicle Wire JSON. */
    private static JsonNode line(String from, String to, Message m) {
        ObjectNode line = JSON.createObjectNode().put("src", from).put("dest", to);
        line.set("body", MaelstromStdio.clusterBody(Envelope.of(from, to, 1, m)));
        try {
            return JSON.readTree(line.toString()); // as the network parses what a node wrote
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static LaunchExecutor launch(long epoch, String app, int id) {
        return new LaunchExecutor(epoch, "n3", 1, app, id, 1, 256, List.of("java", "--driver", "d1"));
    }

    @Test
    void aProcessCampaignsPageHasALanePerNodeFaultsLaunchesTermsAndTheViolation() throws Exception {
        ProcessTimeline recorder = new ProcessTimeline(start, List.of("n1", "n2", "n3", "n4"));
        recorder.started("n1", 1);
        recorder.lease(new ProcessCluster.Lease("n1", 1), 500);
        recorder.carried("n1", "n3", line("n1", "n3", launch(1, "app-1", 0)), at(1000), at(1002), true);
        recorder.carried("n3", "n1", line("n3", "n1", new ExecutorStateChanged("n3", 1, "app-1", 0,
                ExecutorState.FAILED, "gone", 1, false)), at(1500), at(1502), true);
        recorder.carried("n4", "n1", line("n4", "n1", new Heartbeat("n4", 1)), at(1600), at(1700), false);
        recorder.killed("n1");
        recorder.fault(FaultKind.KILL_MASTER, "SIGKILL n1", Set.of("n1"), 2000, 4000);
        recorder.fault(FaultKind.DELAY, "delays up to 500 ms", Set.of(), 4500, 6000);
        recorder.lease(new ProcessCluster.Lease("n2", 2), 4200);
        recorder.healed(6000);
        Violation v = new Violation(Violation.Kind.SAFETY, "BooksWithinWorkerCapacity", "n2 books 3 cores on n3", 0,
                6500);
        Timeline t = recorder.finish(7000, v);
        String html = HtmlReport.render("Process campaign, seed 1", Map.of("seed", "1"), v, t);

        for (String node : List.of("n1", "n2", "n3", "n4")) {
            assertTrue(html.contains("class='lanename' x='8' y='") && html.contains(">" + node + "</text>"), node);
        }
        assertTrue(html.contains("<b>BooksWithinWorkerCapacity</b> violated (safety) at t = 6500 ms"), "named");
        assertTrue(html.contains("class='violation'"), "the violation is drawn");
        assertTrue(html.contains("class='fault kill'") && html.contains("kill-master: SIGKILL n1"), "a kill's interval");
        assertTrue(html.contains("class='fault delay'"), "a network-wide fault's band");
        assertTrue(html.contains("class='launch'") && html.contains("launch app-1/0 (epoch 1)"), "the launch");
        assertTrue(html.contains("class='exit'") && html.contains("app-1/0 FAILED (exit 1)"), "its end");
        assertTrue(html.contains("leader, epoch 1") && html.contains("leader, epoch 2"), "both terms");
        assertTrue(html.contains("LaunchExecutor n1 -&gt; n3") && html.contains("class='msg lost'"), "messages");
        assertTrue(html.contains("class='healed'"), "the healing");
        svg(html);
    }

    @Test
    void manyMessagesAreThinnedToOneArrowPerLinkTypeAndSecond() throws Exception {
        ProcessTimeline recorder = new ProcessTimeline(start, List.of("n1", "n2"));
        for (int i = 0; i < 3_000; i++) {
            recorder.carried("n2", "n1", line("n2", "n1", new Heartbeat("n2", 1)), at(i * 10L), at(i * 10L + 2), true);
        }
        String html = HtmlReport.render("many", Map.of(), null, recorder.finish(30_000, null));
        assertTrue(html.contains("3000 messages drawn as 30 arrows"), "the page says what was thinned");
        assertTrue(html.contains("(first of 100 within 1000 ms)"), "each arrow names its count");
        assertEquals(30, svg(html).getElementsByTagName("line").getLength()
                - html.split("class='(lane|tick)'", -1).length + 1, "30 message arrows");
    }

    @Test
    void aLeaderReusingAnExecutorIdOfAnotherEpochBreaksExecutorIdsAhead() {
        ProcessTimeline recorder = new ProcessTimeline(start, List.of("n1", "n2", "n3"));
        recorder.carried("n1", "n3", line("n1", "n3", launch(1, "app-1", 0)), at(10), at(12), true);
        recorder.carried("n1", "n3", line("n1", "n3", launch(1, "app-1", 0)), at(10), at(14), true); // a duplicate
        recorder.carried("n2", "n3", line("n2", "n3", launch(2, "app-1", 1)), at(20), at(22), true);
        assertNull(recorder.violation(), "duplicates and fresh ids are fine");
        recorder.carried("n2", "n3", line("n2", "n3", launch(2, "app-1", 0)), at(30), at(32), true);
        Violation v = recorder.violation();
        assertNotNull(v);
        assertEquals("ExecutorIdsAhead", v.property());
        assertTrue(v.detail().contains("app-1/0"), v.detail());
    }

    private static Document svg(String html) throws Exception {
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }
}
