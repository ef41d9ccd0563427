package cluster.runtime;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.master.MasterCore;
import cluster.master.MasterRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/**
 * Logs how long a master took from gaining leadership to ALIVE: the master's own share of a failover (the rest is
 * the coordination service noticing the old leader is gone). {@code bin/cluster bench failover} reads this line.
 */
final class RecoveryClock implements NodeRuntime.StepObserver {
    /** The log line's fixed start; the milliseconds follow it. */
    static final String ALIVE_AFTER = "ALIVE after gaining leadership, ms: ";

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryClock.class);
    private final MasterCore core;
    private final NodeRuntime runtime;
    private long electedAtMs = -1;
    private MasterRole last = MasterRole.STANDBY;

    RecoveryClock(MasterCore core, NodeRuntime runtime) {
        this.core = core;
        this.runtime = runtime;
    }

    @Override
    public void stepped(Input input, List<Effect> effects) {
        if (input instanceof Input.ElectedLeader) {
            electedAtMs = runtime.nowMs();
        }
        MasterRole role = core.state().role();
        if (role == MasterRole.ALIVE && last != MasterRole.ALIVE && electedAtMs >= 0) {
            LOG.info("{} term {} {}{}", runtime.nodeId(), core.state().epoch(), ALIVE_AFTER, runtime.nowMs() - electedAtMs);
        }
        last = role;
    }
}
