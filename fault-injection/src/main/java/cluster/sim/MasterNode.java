package cluster.sim;

import cluster.coordination.CoordinationService;
import cluster.core.Effect;
import cluster.core.Input;
import cluster.master.MasterConfig;
import cluster.master.MasterCore;

import java.util.List;

/** A master process: a {@link MasterCore} and its client of the coordination service (one per life). */
final class MasterNode extends SimNode {
    final MasterConfig config;
    MasterCore core;
    /** The coordination service's name for this life (several lives may be in its line at once). */
    String participant;
    CoordinationService client;

    MasterNode(String id, MasterConfig config) {
        super(id, Role.MASTER);
        this.config = config;
    }

    @Override
    List<Effect> step(Input input, long nowMs) {
        return core.step(input, nowMs);
    }
}
