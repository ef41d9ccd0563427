package cluster.harness;

import cluster.core.Effect;
import cluster.core.Input;
import cluster.master.MasterCore;
import cluster.messages.Message;
import cluster.runtime.NodeRuntime;
import cluster.runtime.maelstrom.MaelstromNode;
import cluster.sim.ProtocolMutation;
import cluster.worker.WorkerConfig;
import cluster.worker.WorkerCore;

import java.util.ArrayList;
import java.util.List;

/**
 * A broken variant inside a real node process: the simulator's {@link ProtocolMutation} applied around the core's
 * step, as the simulator applies it around its cores. A master hears its received messages and its election's
 * records through the mutation; a worker is built with the mutation's configuration, hears its received messages
 * and sends its messages through it. The core itself is the protocol as built.
 */
final class VariantCoreHook implements MaelstromNode.CoreHook {

    private final ProtocolMutation mutation;

    VariantCoreHook(ProtocolMutation mutation) {
        this.mutation = mutation;
    }

    @Override
    public NodeRuntime.Core master(MasterCore core) {
        return (input, nowMs) -> {
            Input told = input;
            if (input instanceof Input.Received r) {
                told = new Input.Received(r.from(), mutation.toMaster(r.message()));
            } else if (input instanceof Input.ElectedLeader e) {
                told = new Input.ElectedLeader(e.epoch(), mutation.electedRecords(e.records()));
            }
            List<Effect> effects = core.step(told, nowMs);
            if (told instanceof Input.Received r) {
                mutation.afterMasterReceived(core, r.message());
            }
            return effects;
        };
    }

    @Override
    public WorkerConfig workerConfig(WorkerConfig real) {
        return mutation.workerConfig(real);
    }

    @Override
    public NodeRuntime.Core worker(WorkerCore core, WorkerConfig real) {
        return (input, nowMs) -> {
            Input told = input instanceof Input.Received r
                    ? new Input.Received(r.from(), mutation.toWorker(core, r.message())) : input;
            List<Effect> effects = new ArrayList<>(core.step(told, nowMs));
            for (int i = 0; i < effects.size(); i++) {
                if (effects.get(i) instanceof Effect.Send s) {
                    Message said = mutation.fromWorker(real, s.message());
                    if (said != s.message()) {
                        effects.set(i, new Effect.Send(s.to(), said));
                    }
                }
            }
            return effects;
        };
    }
}
