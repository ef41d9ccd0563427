package cluster.sim;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report is one self-contained page whose timeline shows nodes, messages, faults, terms and the violation. */
class HtmlReportTest {

    @Test
    void a_failing_run_report_shows_lanes_messages_faults_terms_and_the_violation(@TempDir Path dir) throws Exception {
        Variant variant = Variant.RECOVERY_FORGETS_EXECUTOR_IDS;
        RunResult failing = Seeds.firstViolating(SimOptions.defaults(0).withVariant(variant), variant.property, 1_000);
        Path file = dir.resolve("report.html");
        RunResult replayed = Replay.writeReport(failing.options(), file);
        String html = Files.readString(file);
        assertTrue(replayed.failed());
        assertTrue(html.contains("<b>ExecutorIdsAhead</b> violated"), "the violation is named");
        assertTrue(html.contains("class='violation'"), "the violation is drawn");
        assertTrue(html.contains("lanename' x='8' y='") && html.contains(">master-1<") && html.contains(">worker-1<"));
        assertTrue(html.contains("class='term'") && html.contains("epoch "), "leader terms");
        assertTrue(html.contains("class='launch'"), "executor launches");
        assertTrue(html.contains("class='msg") && html.contains("marker-end='url(#arrow)'"), "messages as arrows");
        assertTrue(html.contains("class='fault "), "faults as shaded intervals");
        assertTrue(html.contains(failing.options().replayCommand().replace("'", "&#39;")), "the replay command");
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.contains("http://") && html.contains("src="), "nothing external");
        String svg = html.substring(html.indexOf("<svg"), html.indexOf("</svg>") + 6);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertTrue(doc.getElementsByTagName("line").getLength() > 10, "well-formed SVG with lines");
    }

    /** The simulator's fault kinds get the shading of their family (the process harness names faults by family). */
    @Test
    void a_killed_or_paused_node_is_shaded_as_its_family() {
        assertTrue(HtmlReport.cssKind(FaultKind.KILL_MASTER.label).equals("kill kill-master"));
        assertTrue(HtmlReport.cssKind(FaultKind.PAUSE_WORKER.label).equals("pause pause-worker"));
        assertTrue(HtmlReport.cssKind("kill").equals("kill"));
    }
}
