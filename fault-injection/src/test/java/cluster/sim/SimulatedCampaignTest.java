package cluster.sim;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short CI campaign of the protocol as built: 300 simulated runs with every nemesis, safety checked after every
 * step and liveness after the faults heal; and 100 runs without faults, which must violate nothing at all.
 */
class SimulatedCampaignTest {

    /**
     * Open findings of the simulator against the protocol as built (see fault-injection/README.md, "Findings"),
     * each a real gap the cores or the spec must close; remove a property from this set once its gap is closed.
     * <ul>
     *   <li>AppCapRespected: a new leader adopts, while RECOVERING, every executor its workers report, also
     *       zombies of a worker an earlier leader had removed and already replaced, so its books exceed the cap.</li>
     *   <li>AppsGetExecutors, BooksMatchRunningExecutors: messages that are never sent again (WorkerLatestState,
     *       MasterChangeAcknowledged, ApplicationRemoved) lost to a drop or a partition leave the leader's books
     *       without running executors (then schedule, refuse, schedule ... for ever), or a live driver registered
     *       with a leader that finished its app.</li>
     * </ul>
     */
    static final Set<String> OPEN_FINDINGS = Set.of("AppCapRespected", "AppsGetExecutors",
            "BooksMatchRunningExecutors");

    @Test
    void three_hundred_runs_with_every_nemesis_violate_nothing_but_the_open_findings() {
        Campaign.Summary summary = Campaign.run(SimOptions.defaults(1), 300, 2, done -> { });
        Map<String, Integer> byProperty = new TreeMap<>();
        for (RunResult r : summary.failures()) {
            byProperty.merge(r.violation().property(), 1, Integer::sum);
            System.out.println("seed " + r.options().seed() + ": " + r.violation());
        }
        System.out.printf("300 runs, %,d steps, %,d faults %s, violations %s, %.0f runs/min%n", summary.steps(),
                summary.faultsInjected(), summary.faults(), byProperty, summary.runsPerMinute());
        assertEquals(300, summary.runs());
        assertTrue(OPEN_FINDINGS.containsAll(byProperty.keySet()), "new violations: " + byProperty);
        assertTrue(summary.failures().size() <= 15, "more than 5% of runs fail: " + byProperty);
        for (Nemesis n : Nemesis.values()) {
            assertTrue(summary.faults().keySet().stream().anyMatch(k -> FaultKind.valueOf(
                    k.toUpperCase(java.util.Locale.ROOT).replace('-', '_')).nemesis == n), "no " + n + " fault injected");
        }
    }

    @Test
    void one_hundred_runs_without_faults_violate_nothing() {
        Campaign.Summary summary = Campaign.run(SimOptions.defaults(1000).withNemeses(EnumSet.noneOf(Nemesis.class)),
                100, 2, done -> { });
        assertEquals(0, summary.failures().size(), () -> summary.failures().get(0).toString());
        assertTrue(summary.launches() > 100, "the workload launches executors: " + summary.launches());
    }
}
