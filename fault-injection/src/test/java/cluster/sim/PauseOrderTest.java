package cluster.sim;

import cluster.core.Input;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A paused process hears, once resumed, what came during the pause before anything queued for it since. */
class PauseOrderTest {

    @Test
    void held_events_come_before_same_time_events_queued_while_it_was_still_paused() {
        Simulation sim = new Simulation(SimOptions.defaults(1));
        SimNode master = sim.nodes.get("master-1");
        master.alive = true;
        master.paused = true;
        sim.nowMs = 5_000;
        // held during the pause: a grant
        master.held.add(SimEvent.input(4_000, sim.nextSeq(), master.id, master.life, new Input.ElectedLeader(2, List.of())));
        // the healing, still before the resume: a revocation and the next grant, due now
        sim.input(master, sim.nowMs, new Input.RevokedLeadership());
        sim.input(master, sim.nowMs, new Input.ElectedLeader(3, List.of()));
        sim.processes.resume(master);

        List<String> order = new ArrayList<>();
        while (!sim.queue.isEmpty()) {
            SimEvent e = sim.queue.poll();
            if (master.id.equals(e.node)) {
                order.add(e.asInput() instanceof Input.ElectedLeader g ? "elected " + g.epoch() : "revoked");
            }
        }
        assertEquals(List.of("elected 2", "revoked", "elected 3"), order);
    }
}
