package cluster.cli;

import cluster.messages.ApplicationSummary;
import cluster.messages.ExecutorSummary;
import cluster.messages.MasterStateResponse;
import cluster.messages.WorkerSummary;
import cluster.runtime.NodeAddress;
import cluster.runtime.SparkConf;
import cluster.runtime.StatusClient;
import cluster.transport.TransportConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code bin/cluster status --master URL}: the masters' view of workers, applications and executors. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Show what the masters know.",
        footer = "Exit codes: 0 a master answered, 1 none did, 2 bad usage.")
public final class StatusCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ConfOptions options;

    @Option(names = "--master", required = true, paramLabel = "URL", description = "spark://host:port[,host:port...]")
    String master;

    @Option(names = "--json", description = "Print one JSON object per master that answered, one per line.")
    boolean json;

    @Option(names = "--timeout", defaultValue = "5000", description = "Milliseconds to wait for the masters (default ${DEFAULT-VALUE}).")
    long timeoutMs;

    @Override
    public Integer call() throws Exception {
        SparkConf conf = options.sparkConf(spec.commandLine());
        List<String> masters;
        TransportConfig transport;
        try {
            masters = NodeAddress.mastersFromUrl(master);
            transport = TransportConfig.fromSparkConf(conf.asMap());
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (StatusClient client = new StatusClient(transport)) {
            List<MasterStateResponse> answers = client.askAll(masters, timeoutMs);
            boolean any = false;
            for (int i = 0; i < masters.size(); i++) {
                MasterStateResponse r = answers.get(i);
                if (r == null) {
                    System.err.println(masters.get(i) + ": no answer");
                    continue;
                }
                any = true;
                System.out.print(json ? toJson(r) + "\n" : toText(r));
            }
            return any ? 0 : 1;
        }
    }

    static String toText(MasterStateResponse r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format("master %s: %s, epoch %d%n", r.masterId, r.status, r.epoch));
        s.append(String.format("  workers (%d):%n", r.workers.size()));
        for (WorkerSummary w : r.workers) {
            s.append(String.format("    %-28s %-7s cores %d/%d used  memory %d/%d MB used%n", w.workerId, w.state,
                    w.coresUsed, w.cores, w.memoryUsedMb, w.memoryMb));
        }
        s.append(String.format("  applications (%d):%n", r.apps.size()));
        for (ApplicationSummary a : r.apps) {
            s.append(String.format("    %-18s %-8s %-20s cores granted %d%s, %d MB per executor%n", a.appId, a.state,
                    a.name, a.coresGranted, a.maxCores == null ? "" : " of max " + a.maxCores, a.memoryPerExecutorMb));
        }
        s.append(String.format("  executors (%d):%n", r.executors.size()));
        for (ExecutorSummary e : r.executors) {
            s.append(String.format("    %s/%d on %s: %d cores, %d MB, %s%n", e.appId, e.execId, e.workerId, e.cores,
                    e.memoryMb, e.state));
        }
        return s.toString();
    }

    static String toJson(MasterStateResponse r) {
        StringBuilder s = new StringBuilder("{\"masterId\":").append(quote(r.masterId)).append(",\"status\":")
                .append(quote(r.status.name())).append(",\"epoch\":").append(r.epoch).append(",\"workers\":[");
        for (int i = 0; i < r.workers.size(); i++) {
            WorkerSummary w = r.workers.get(i);
            s.append(i == 0 ? "" : ",").append("{\"workerId\":").append(quote(w.workerId)).append(",\"state\":")
                    .append(quote(w.state.name())).append(",\"cores\":").append(w.cores).append(",\"coresUsed\":")
                    .append(w.coresUsed).append(",\"memoryMb\":").append(w.memoryMb).append(",\"memoryUsedMb\":")
                    .append(w.memoryUsedMb).append('}');
        }
        s.append("],\"apps\":[");
        for (int i = 0; i < r.apps.size(); i++) {
            ApplicationSummary a = r.apps.get(i);
            s.append(i == 0 ? "" : ",").append("{\"appId\":").append(quote(a.appId)).append(",\"name\":")
                    .append(quote(a.name)).append(",\"state\":").append(quote(a.state.name()))
                    .append(",\"coresGranted\":").append(a.coresGranted).append(",\"maxCores\":")
                    .append(a.maxCores == null ? "null" : a.maxCores.toString()).append(",\"memoryPerExecutorMb\":")
                    .append(a.memoryPerExecutorMb).append('}');
        }
        s.append("],\"executors\":[");
        for (int i = 0; i < r.executors.size(); i++) {
            ExecutorSummary e = r.executors.get(i);
            s.append(i == 0 ? "" : ",").append("{\"appId\":").append(quote(e.appId)).append(",\"execId\":")
                    .append(e.execId).append(",\"workerId\":").append(quote(e.workerId)).append(",\"cores\":")
                    .append(e.cores).append(",\"memoryMb\":").append(e.memoryMb).append(",\"state\":")
                    .append(quote(e.state.name())).append('}');
        }
        return s.append("]}").toString();
    }

    private static String quote(String text) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : (text == null ? "" : text).toCharArray()) {
            if (c == '"' || c == '\\') {
                q.append('\\').append(c);
            } else if (c < 0x20) {
                q.append(String.format("\\u%04x", (int) c));
            } else {
                q.append(c);
            }
        }
        return q.append('"').toString();
    }
}
