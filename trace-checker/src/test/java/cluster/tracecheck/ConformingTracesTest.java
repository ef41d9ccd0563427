package cluster.tracecheck;

import cluster.harness.TracedRuns;
import cluster.spec.SpecLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real traces of the in-memory cluster (ClusterScenarioTest's and ClusterChaosTest's runs) conform to the spec. */
class ConformingTracesTest {
    @TempDir
    Path dir;

    private TraceVerdict check() {
        TraceVerdict v = new TraceChecker(SpecLocation.specDir(), TraceCheckOptions.defaults()).run(dir);
        System.out.println(v.message() + "\n" + v.details());
        assertEquals(TraceVerdict.Kind.CONFORMS, v.kind(), v.message() + "\n" + v.details());
        assertEquals(0, v.exitCode());
        assertTrue(v.message().startsWith("conforms: " + v.events() + " events in "), v.message());
        assertTrue(v.events() > 0);
        assertTrue(Files.exists(dir.resolve(TraceChecker.REPORT_FILE)), "the report is written beside the trace");
        return v;
    }

    @Test
    void launch_run_then_stop() {
        TracedRuns.launchAndStop(dir);
        check();
    }

    @Test
    void workers_of_different_sizes() {
        TracedRuns.unequalWorkers(dir);
        TraceVerdict v = check();
        assertTrue(v.events() > 10, "executors were launched on both workers: " + v.events() + " events");
    }

    @Test
    void leader_crash_failover_recovery_and_a_replaced_executor() {
        TracedRuns.failover(dir);
        check();
    }

    @Test
    void driver_crash() {
        TracedRuns.driverCrash(dir);
        check();
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void chaos_reordering_loss_duplication_and_failover(long seed) {
        TracedRuns.chaos(dir, seed);
        check();
    }
}
