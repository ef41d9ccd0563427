package cluster.sim;

import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The nemesis list as the command line spells it; bad names are errors naming them. */
class NemesisTest {

    @Test
    void parses_lists_and_none() {
        assertEquals(EnumSet.of(Nemesis.PARTITION, Nemesis.KILL), Nemesis.parseList("partition, kill"));
        assertEquals(Set.of(), Nemesis.parseList("none"));
        assertEquals(EnumSet.allOf(Nemesis.class), Nemesis.parseList("partition,delay,drop,duplicate,kill,pause"));
    }

    @Test
    void an_unknown_name_is_named() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Nemesis.parseList("kill,chaos"));
        assertTrue(e.getMessage().contains("'chaos'"), e.getMessage());
    }

    @Test
    void tcp_like_partitions_hold_messages_that_lossy_ones_lose() {
        long lostTcp = 0;
        long lostLossy = 0;
        for (long seed = 1; seed <= 10; seed++) {
            SimOptions options = SimOptions.defaults(seed).withNemeses(EnumSet.of(Nemesis.PARTITION));
            lostTcp += lost(options);
            lostLossy += lost(options.withLossyPartitions(true));
        }
        assertTrue(lostLossy > lostTcp + 20, "lossy " + lostLossy + ", tcp-like " + lostTcp);
        assertTrue(SimOptions.defaults(1).withLossyPartitions(true).replayCommand().endsWith(" --lossy-partitions"));
    }

    private static long lost(SimOptions options) {
        Timeline timeline = new Timeline();
        new Simulation(options, timeline, cluster.trace.TraceSink.NONE).run();
        return timeline.messages.stream().filter(m -> !m.delivered()).count();
    }

    @Test
    void only_the_chosen_nemeses_strike() {
        RunResult r = new Simulation(SimOptions.defaults(5).withNemeses(EnumSet.of(Nemesis.KILL))).run();
        assertTrue(r.faults().keySet().stream().allMatch(k -> k.startsWith("kill-")), r.faults().toString());
        RunResult quiet = new Simulation(SimOptions.defaults(5).withNemeses(Set.of())).run();
        assertEquals(Set.of(), quiet.faults().keySet());
    }
}
