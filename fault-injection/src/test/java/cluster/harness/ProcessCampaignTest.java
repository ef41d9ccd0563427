package cluster.harness;

import cluster.sim.Nemesis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short process campaign with kills, pauses and partitions violates nothing: safety sampled throughout, and after
 * healing a leader ALIVE, every live app served, books matching the executor processes, the ended app's executors
 * gone. Every process started is killed by its id at the end, also when the campaign fails.
 */
class ProcessCampaignTest {

    @TempDir
    Path dir;

    @Test
    void killsPausesAndPartitionsViolateNothing() throws Exception {
        StringWriter log = new StringWriter();
        ProcessCampaign campaign = new ProcessCampaign(new ProcessCampaign.Options(7, 25_000, 45_000,
                EnumSet.of(Nemesis.PARTITION, Nemesis.KILL, Nemesis.PAUSE), 2, 2, dir), new PrintWriter(log, true));
        ProcessCampaign.Result result;
        try {
            result = campaign.run();
        } finally {
            List<Long> pids = campaign.startedPids();
            for (long pid : pids) {
                ProcessHandle.of(pid).ifPresent(h -> {
                    h.descendants().forEach(ProcessHandle::destroyForcibly);
                    h.destroyForcibly();
                });
            }
            System.out.println(log);
        }
        assertNull(result.violation(), log::toString);
        assertTrue(result.faults().values().stream().mapToInt(Integer::intValue).sum() >= 3, log::toString);
        assertTrue(result.executorsSeen() >= 1, "no executor process ever ran:\n" + log);
        for (long pid : campaign.startedPids()) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " alive");
        }
    }
}
