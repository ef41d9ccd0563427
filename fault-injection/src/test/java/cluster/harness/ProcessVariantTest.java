package cluster.harness;

import cluster.sim.Nemesis;
import cluster.sim.Variant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A broken variant running inside the real node processes is caught by a process campaign, which names the property
 * it breaks, and the campaign's report marks the violation; a variant a process campaign cannot see is refused,
 * saying why. Every process started is killed by its id at the end, also when the campaign fails.
 */
class ProcessVariantTest {

    @TempDir
    Path dir;

    @Test
    void aSchedulerThatIgnoresMemoryIsCaughtInTheRealProcesses() throws Exception {
        Variant variant = Variant.SCHEDULER_IGNORES_MEMORY;
        StringWriter log = new StringWriter();
        ProcessCampaign campaign = new ProcessCampaign(new ProcessCampaign.Options(3, 20_000, 30_000,
                EnumSet.of(Nemesis.PARTITION, Nemesis.KILL, Nemesis.PAUSE), 2, 2, dir), new PrintWriter(log, true))
                .variant(variant);
        ProcessCampaign.Result result;
        try {
            result = campaign.run();
        } finally {
            for (long pid : campaign.startedPids()) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroyForcibly);
                    h.destroyForcibly();
                });
            }
            System.out.println(log);
        }
        assertNotNull(result.violation(), "the variant went unnoticed:\n" + log);
        assertEquals(variant.property, result.violation().property(), log::toString);
        Path report = dir.resolve("report.html");
        ProcessReport.write(report, campaign, result);
        String html = Files.readString(report);
        assertTrue(html.contains("<b>" + variant.property + "</b> violated"), "the report names the property");
        assertTrue(html.contains("class='violation'") && html.contains(">n1</text>") && html.contains(">n4</text>"));
        assertTrue(html.contains("--variant " + variant.cliName), "the rerun command names the variant");
        for (long pid : campaign.startedPids()) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " alive");
        }
    }

    @Test
    void aVariantAProcessCampaignCannotSeeIsRefusedSayingWhy() {
        ProcessCampaign campaign = new ProcessCampaign(new ProcessCampaign.Options(1, 1_000, 1_000,
                EnumSet.noneOf(Nemesis.class), 1, 1, dir), new PrintWriter(new StringWriter()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> campaign.variant(Variant.NO_EPOCH_FENCING));
        assertTrue(e.getMessage().contains("no-epoch-fencing") && e.getMessage().contains("FencingRespected"),
                e.getMessage());
    }
}
