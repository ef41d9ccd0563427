package cluster.sim;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short CI campaign of the protocol as built: 300 simulated runs with every nemesis, safety checked after every
 * step and liveness after the faults heal, must violate nothing; so must 100 runs without faults. With partitions
 * that lose messages (the spec's network) only the open findings may show.
 */
class SimulatedCampaignTest {

    /**
     * Open findings with lossy partitions (see fault-injection/README.md, "Findings"), real gaps the cores or the
     * spec must close; remove a property from this set once its gap is closed.
     * <ul>
     *   <li>AppCapRespected: a new leader adopts, while RECOVERING, every executor its workers report, also
     *       zombies of a worker an earlier leader had removed and already replaced, so its books exceed the cap.</li>
     *   <li>AppsGetExecutors: messages that are never sent again (MasterChangeAcknowledged, ApplicationRemoved) lost
     *       leave a live driver registered with a leader that finished its app; executors a leader never learnt of
     *       make it schedule on a worker that refuses, again and again.</li>
     * </ul>
     */
    static final Set<String> OPEN_FINDINGS_WITH_LOSSY_PARTITIONS = Set.of("AppCapRespected", "AppsGetExecutors",
            "BooksMatchRunningExecutors");

    @Test
    void three_hundred_runs_with_every_nemesis_violate_nothing() {
        Campaign.Summary summary = Campaign.run(SimOptions.defaults(1), 300, 2, done -> { });
        summary.failures().forEach(r -> System.out.println("seed " + r.options().seed() + ": " + r.violation()));
        System.out.printf("300 runs, %,d steps, %,d faults %s, %.0f runs/min%n", summary.steps(),
                summary.faultsInjected(), summary.faults(), summary.runsPerMinute());
        assertEquals(300, summary.runs());
        assertEquals(List.of(), summary.failures().stream().map(r -> r.options().seed() + ": " + r.violation())
                .toList());
        for (Nemesis n : Nemesis.values()) {
            assertTrue(summary.faults().keySet().stream().anyMatch(k -> FaultKind.valueOf(
                    k.toUpperCase(java.util.Locale.ROOT).replace('-', '_')).nemesis == n), "no " + n + " fault injected");
        }
    }

    @Test
    void lossy_partitions_violate_nothing_but_the_open_findings() {
        Campaign.Summary summary = Campaign.run(SimOptions.defaults(1).withLossyPartitions(true), 200, 2, done -> { });
        Map<String, Integer> byProperty = new TreeMap<>();
        for (RunResult r : summary.failures()) {
            byProperty.merge(r.violation().property(), 1, Integer::sum);
            System.out.println("lossy partitions, seed " + r.options().seed() + ": " + r.violation());
        }
        assertTrue(OPEN_FINDINGS_WITH_LOSSY_PARTITIONS.containsAll(byProperty.keySet()), "new violations: " + byProperty);
        assertTrue(summary.failures().size() <= 10, "more than 5% of runs fail: " + byProperty);
    }

    @Test
    void one_hundred_runs_without_faults_violate_nothing() {
        Campaign.Summary summary = Campaign.run(SimOptions.defaults(1000).withNemeses(EnumSet.noneOf(Nemesis.class)),
                100, 2, done -> { });
        assertEquals(0, summary.failures().size(), () -> summary.failures().get(0).toString());
        assertTrue(summary.launches() > 100, "the workload launches executors: " + summary.launches());
    }
}
