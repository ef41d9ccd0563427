package cluster.tracecheck;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.harness.RestartRuns;
import cluster.master.MasterConfig;
import cluster.master.MasterCore;
import cluster.spec.SpecLocation;
import cluster.trace.TraceEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A master killed and started again under its id: the spec's crash of its first life is hidden (the trace shows
 * only the MasterRestart of the second), and it must fall after the first life's last event. The workers and the
 * driver that give up on the dead master need that crash (the spec lets them give up only on a gone master), so
 * they must be merged after that last event too, as if the master had never come back.
 */
class RestartedProcessTest {
    @TempDir
    Path run;
    @TempDir
    Path edited;

    @Test
    void a_restarted_master_crashes_after_its_first_life_and_before_its_restart() throws Exception {
        RestartRuns.leaderCrashesAndFollowersGiveUp(run);
        TraceEdit edit = TraceEdit.of(run);
        List<TraceEntry> m1 = edit.events("m1");
        TraceEntry last = m1.get(m1.size() - 1);
        // The followers gave up on m1 after its crash, not knowing its last steps (no message shows them): with the
        // restart in the file the merge used to put them, and with them the hidden crash, first.
        assertTrue(java.util.stream.Stream.of("w1", "w2", "d1").flatMap(n -> edit.events(n).stream())
                .anyMatch(e -> e.action().endsWith("SendRegisterWorker") || e.action().equals("DriverSendRegisterApplication")
                        && e.vectorClock().getOrDefault("m1", 0L) < last.seq()), "the run no longer shows the case");
        m1.add(restartAfter(last));
        TraceVerdict v = new TraceChecker(SpecLocation.specDir(), TraceCheckOptions.defaults()).run(edit.writeTo(edited));
        assertEquals(TraceVerdict.Kind.CONFORMS, v.kind(), v.message() + "\n" + v.details());
    }

    /** m1's next life starts as a fresh core does: MasterRestart, logging every variable. */
    private static TraceEntry restartAfter(TraceEntry last) {
        MasterCore core = new MasterCore(MasterConfig.defaults("m1", "spark://m1:7077"));
        Effect.TraceEvent event = core.step(new Input.Started(true), 0).stream()
                .filter(Effect.TraceEvent.class::isInstance).map(Effect.TraceEvent.class::cast).findFirst().orElseThrow();
        Map<String, Long> clock = new HashMap<>(last.vectorClock());
        clock.put("m1", last.seq() + 1);
        return new TraceEntry("m1", last.seq() + 1, clock, event.action(), null, List.of(), event.changed());
    }
}
