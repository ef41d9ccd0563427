package cluster.sim;

import cluster.core.Input;
import cluster.master.MasterRole;
import cluster.messages.ApplicationDescription;
import cluster.messages.RegisterApplication;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The simulator carries out effects as the runtime contract of cluster.core.Effect says: a write whose lease is gone
 * fails, nothing of that step leaves (no RegisteredApplication reaches the driver), and the master's very next input
 * is PersistFailed, on which it steps down.
 */
class RuntimeContractTest {

    @Test
    void a_failed_write_drops_the_rest_of_the_step_and_the_master_hears_persist_failed_next() {
        Simulation sim = new Simulation(new SimOptions(1, 10, 2, 1, EnumSet.noneOf(Nemesis.class), Variant.NONE));
        for (MasterNode m : sim.masters) {
            sim.processes.startMaster(m, false);
        }
        MasterNode first = sim.masters.get(0);
        while (first.core.state().role() != MasterRole.ALIVE) {
            assertTrue(sim.stepOnce());
        }
        sim.coordination.expireLeaderSession(); // the session is gone, the master has not heard yet
        sim.queue.clear();
        sim.urgent.clear();
        RegisterApplication register = new RegisterApplication("key-d", "sim://d", new ApplicationDescription("app",
                null, 1, 256, null, List.of("executor")));
        sim.stepper.deliver(SimEvent.input(sim.nowMs, sim.nextSeq(), first.id, first.life,
                new Input.Received("driver-x", register)));

        assertTrue(sim.queue.stream().noneMatch(e -> e.kind == SimEvent.Kind.DELIVER), "nothing was sent");
        assertEquals(1, sim.urgent.size());
        assertInstanceOf(Input.PersistFailed.class, sim.urgent.peek().input);
        assertTrue(sim.stepOnce());
        assertEquals(MasterRole.STANDBY, first.core.state().role());
    }
}
