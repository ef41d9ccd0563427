package cluster.scheduler;

import java.util.List;
import java.util.OptionalInt;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Random scheduler inputs for the properties: small numbers so that edge cases (ties, exact fits, budgets
 * running out mid-round) are common. Elements are built directly (no list-level mapping), which keeps
 * jqwik's shrinking of two list parameters apart.
 */
final class SchedulerInputs {
    private SchedulerInputs() {
    }

    static Arbitrary<List<WorkerSlot>> workers(int maxWorkers, int maxCores) {
        Arbitrary<WorkerSlot> slot = Combinators.combine(
                Arbitraries.integers().between(-1, maxCores),
                Arbitraries.integers().between(-1, 16).map(x -> x * 256),
                Arbitraries.integers().between(0, 9)) // 0 = dead, one in ten
                .as((cores, memory, alive) -> new WorkerSlot("w" + cores + "/" + memory, alive != 0, cores, memory));
        return slot.list().ofMaxSize(maxWorkers);
    }

    static Arbitrary<AppDemand> app(int maxCoresLeft) {
        Arbitrary<OptionalInt> cpe = Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(OptionalInt.empty())),
                Tuple.of(1, Arbitraries.integers().between(1, 5).map(OptionalInt::of)));
        Arbitrary<Integer> memory = Arbitraries.integers().between(0, 8).map(x -> x * 256);
        Arbitrary<Integer> coresLeft = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-2, maxCoresLeft)),
                Tuple.of(1, Arbitraries.just(AppDemand.UNLIMITED)));
        Arbitrary<Integer> limit = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.integers().between(0, 8)),
                Tuple.of(2, Arbitraries.just(AppDemand.UNLIMITED)));
        Arbitrary<Integer> current = Arbitraries.integers().between(0, 4);
        return Combinators.combine(cpe, memory, coresLeft, limit, current)
                .as((c, m, left, lim, cur) -> new AppDemand("app-" + c + "/" + m + "/" + left, c, m, left, lim, cur));
    }

    static Arbitrary<List<AppDemand>> apps(int maxApps, int maxCoresLeft) {
        return app(maxCoresLeft).list().ofMaxSize(maxApps);
    }
}
