package cluster.runtime;

import cluster.coordination.CoordinationService;
import cluster.coordination.LeadershipListener;
import cluster.core.Input;
import cluster.core.PersistedRecord;
import cluster.master.MasterConfig;
import cluster.master.MasterCore;
import cluster.messages.Envelope;
import cluster.messages.MasterStateResponse;
import cluster.messages.RequestMasterState;
import cluster.scheduler.AppDemand;
import cluster.trace.TraceSink;
import cluster.transport.TransportConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.List;

/**
 * A master process: its core on a {@link NodeHost}, a coordination service for leadership and persistence,
 * and answers to status requests ({@code bin/cluster status}), which are not protocol steps.
 */
public final class MasterNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MasterNode.class);
    /** Exit code of a master whose coordination store cannot be read. */
    public static final int EXIT_STORE_UNREADABLE = 3;

    private final NodeHost host;
    private final MasterCore core;
    private final CoordinationService coordination;
    private final String nodeId;

    private MasterNode(NodeHost host, MasterCore core, CoordinationService coordination, String nodeId) {
        this.host = host;
        this.core = core;
        this.coordination = coordination;
        this.nodeId = nodeId;
    }

    /**
     * Starts a master listening on {@code bindHost:port} (0 = any free port) and joins the election.
     *
     * @param traceDir where this node traces (null: tracing off); a master that ran before under the same id
     *                 goes on with its trace, starting with the spec's MasterRestart
     */
    public static MasterNode start(String bindHost, int port, SparkConf conf, CoordinationService coordination,
            String traceDir) throws Exception {
        TransportConfig transport = TransportConfig.fromSparkConf(conf.asMap());
        NodeHost host = new NodeHost("master", transport);
        try {
            InetSocketAddress bound = host.listen(bindHost, port);
            NodeAddress address = NodeAddress.master(bindHost, bound.getPort());
            MasterCore core = new MasterCore(config(address, conf));
            Traces.Resume resume = Traces.resume(traceDir, address.nodeId());
            NodeRuntime runtime = host.start(address.nodeId(), core::step, NodeRuntime.ProcessControl.NONE,
                    traceDir == null ? TraceSink.NONE : Traces.open(traceDir, address.nodeId(), resume));
            runtime.attach(coordination);
            MasterNode node = new MasterNode(host, core, coordination, address.nodeId());
            runtime.observe(new RecoveryClock(core, runtime));
            host.router().intercept((connection, envelope) -> {
                if (envelope.body instanceof RequestMasterState) {
                    MasterStateResponse status = MasterStatus.of(address.nodeId(), core.state());
                    Router.reply(connection, Envelope.of(address.nodeId(), envelope.src, 0, status));
                    return true;
                }
                return false;
            });
            host.call(() -> {
                runtime.resume(resume);
                runtime.input(new Input.Started(resume.restart()));
                return null;
            });
            coordination.start(address.nodeId(), new LeadershipListener() {
                @Override
                public void elected(long epoch, List<PersistedRecord> records) {
                    LOG.info("{} leads term {} ({} persisted records)", address.nodeId(), epoch, records.size());
                    runtime.input(new Input.ElectedLeader(epoch, records));
                }

                @Override
                public void failed(Exception e) {
                    // The store cannot be read (a corrupt record): leading from it would lose or invent state.
                    LOG.error("{} cannot take part in the election: {}; the master exits", address.nodeId(),
                            e.getMessage());
                    System.err.println("master " + address.nodeId() + " exits: " + e.getMessage());
                    new Thread(() -> System.exit(EXIT_STORE_UNREADABLE), "exit").start();
                }

                @Override
                public void revoked() {
                    LOG.warn("{} lost its leadership; standing by", address.nodeId());
                    runtime.input(new Input.RevokedLeadership());
                    host.router().closeAll(); // followers look for the new leader now, not after a timeout
                }
            }, runtime::execute);
            LOG.info("master {} started at {}", address.nodeId(), address.sparkUrl());
            return node;
        } catch (Exception | Error e) {
            host.close();
            coordination.close();
            throw e;
        }
    }

    /** The master's settings from Spark's keys, each bad value named by its key. */
    static MasterConfig config(NodeAddress address, SparkConf conf) {
        return config(address.nodeId(), address.sparkUrl(), conf);
    }

    /** The settings of a master named {@code nodeId} (any id: the Maelstrom harness names nodes n1, n2, ...). */
    public static MasterConfig config(String nodeId, String url, SparkConf conf) {
        long workerTimeoutMs = conf.getDurationMs("spark.worker.timeout", 60_000, 1000);
        return new MasterConfig(nodeId, url,
                conf.getBoolean("spark.deploy.spreadOut", true),
                conf.getInt("spark.deploy.defaultCores", AppDemand.UNLIMITED, 1),
                conf.getInt("spark.deploy.maxExecutorRetries", 10, -1),
                workerTimeoutMs,
                conf.getDurationMs("spark.deploy.recoveryTimeout", workerTimeoutMs, 1000),
                Math.max(1000, Math.min(10_000, workerTimeoutMs / 4)));
    }

    public String nodeId() {
        return nodeId;
    }

    public NodeAddress address() {
        return NodeAddress.parse(nodeId);
    }

    /** The status as {@code bin/cluster status} shows it, read on the master's loop. */
    public MasterStateResponse status() {
        return host.call(() -> MasterStatus.of(nodeId, core.state()));
    }

    @Override
    public void close() {
        coordination.close();
        host.close();
    }
}
