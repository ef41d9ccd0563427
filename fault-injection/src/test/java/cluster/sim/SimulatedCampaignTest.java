package cluster.sim;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The short CI campaign of the protocol as built: 300 simulated runs with every nemesis, safety checked after every
 * step and liveness after the faults heal, must violate nothing; so must 200 runs whose partitions lose messages
 * and 100 runs without faults. The traces of every 100th run of the first two must conform to the spec (the trace
 * checker, TLC).
 */
class SimulatedCampaignTest {

    @Test
    void three_hundred_runs_with_every_nemesis_violate_nothing_and_their_sampled_traces_conform() {
        Campaign.Summary summary;
        TraceValidation.Result traces;
        try (SampledTraces sampled = SampledTraces.temporary(1, 100)) {
            summary = Campaign.run(SimOptions.defaults(1), 300, 2, done -> { }, sampled::sink);
            traces = TraceValidation.validate(sampled, SimOptions.defaults(1), System.out::println);
        }
        assertEquals(3, traces.validated(), "seeds 1, 101 and 201 are sampled");
        assertEquals(List.of(), traces.rejected().stream().map(r -> r.seed() + ": " + r.verdict().message() + "\n"
                + r.verdict().details()).toList());
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

    /**
     * Partitions that lose messages (the spec's network) violate nothing either: the findings they once showed
     * (fault-injection/README.md, "Findings") are fixed in the spec and the cores.
     */
    @Test
    void two_hundred_runs_with_lossy_partitions_violate_nothing_and_their_sampled_traces_conform() {
        SimOptions lossy = SimOptions.defaults(1).withLossyPartitions(true);
        Campaign.Summary summary;
        TraceValidation.Result traces;
        try (SampledTraces sampled = SampledTraces.temporary(1, 100)) {
            summary = Campaign.run(lossy, 200, 2, done -> { }, sampled::sink);
            traces = TraceValidation.validate(sampled, lossy, System.out::println);
        }
        assertEquals(2, traces.validated(), "seeds 1 and 101 are sampled");
        assertEquals(List.of(), traces.rejected().stream().map(r -> r.seed() + ": " + r.verdict().message()).toList());
        assertEquals(200, summary.runs());
        assertEquals(List.of(), summary.failures().stream().map(r -> r.options().seed() + ": " + r.violation())
                .toList());
    }

    @Test
    void one_hundred_runs_without_faults_violate_nothing() {
        Campaign.Summary summary = Campaign.run(SimOptions.defaults(1000).withNemeses(EnumSet.noneOf(Nemesis.class)),
                100, 2, done -> { });
        assertEquals(0, summary.failures().size(), () -> summary.failures().get(0).toString());
        assertTrue(summary.launches() > 100, "the workload launches executors: " + summary.launches());
    }
}
