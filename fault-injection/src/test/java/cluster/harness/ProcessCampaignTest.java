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
 * Two 60-second process campaigns with kills, pauses and partitions, of different seeds and shapes, violate
 * nothing: safety sampled throughout, and after healing a leader ALIVE, every live app served, books matching the
 * executor processes, the ended app's executors gone; and the merged trace of every node, executor and driver
 * conforms to the spec (TLC). Every process started is killed by its id at the end, also when the campaign fails.
 */
class ProcessCampaignTest {

    private static final EnumSet<Nemesis> FAULTS = EnumSet.of(Nemesis.PARTITION, Nemesis.KILL, Nemesis.PAUSE);

    @TempDir
    Path dir;

    @Test
    void twoMastersTwoWorkers() throws Exception {
        campaign(7, 2, 2);
    }

    @Test
    void threeMastersThreeWorkers() throws Exception {
        campaign(3, 3, 3);
    }

    private void campaign(long seed, int masters, int workers) throws Exception {
        StringWriter log = new StringWriter();
        ProcessCampaign campaign = new ProcessCampaign(new ProcessCampaign.Options(seed, 60_000, 45_000, FAULTS,
                masters, workers, dir), new PrintWriter(log, true));
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
        assertTrue(result.trace().conforms(), () -> result.trace().message() + "\n" + result.trace().details() + "\n" + log);
        assertTrue(result.faults().values().stream().mapToInt(Integer::intValue).sum() >= 6, log::toString);
        assertTrue(result.executorsSeen() >= 1, "no executor process ever ran:\n" + log);
        for (long pid : campaign.startedPids()) {
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " alive");
        }
    }
}
