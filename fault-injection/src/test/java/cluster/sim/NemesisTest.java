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
    void only_the_chosen_nemeses_strike() {
        RunResult r = new Simulation(SimOptions.defaults(5).withNemeses(EnumSet.of(Nemesis.KILL))).run();
        assertTrue(r.faults().keySet().stream().allMatch(k -> k.startsWith("kill-")), r.faults().toString());
        RunResult quiet = new Simulation(SimOptions.defaults(5).withNemeses(Set.of())).run();
        assertEquals(Set.of(), quiet.faults().keySet());
    }
}
