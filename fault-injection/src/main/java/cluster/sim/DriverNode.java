package cluster.sim;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.driver.DriverConfig;
import cluster.driver.DriverCore;

import java.util.List;

/** A driver process (its app client and scheduler endpoint). Drivers are the workload: they end, never restart. */
final class DriverNode extends SimNode {
    final DriverConfig config;
    final DriverCore core;
    /** The process is gone (stopped after its app ended, or crashed). */
    boolean ended;

    DriverNode(String id, DriverConfig config) {
        super(id, Role.DRIVER);
        this.config = config;
        this.core = new DriverCore(config);
    }

    @Override
    List<Effect> step(Input input, long nowMs) {
        return core.step(input, nowMs);
    }
}
