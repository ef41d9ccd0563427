package cluster.cli;

import cluster.runtime.JavaCommand;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A cluster of real processes on loopback: masters and workers started as {@code bin/cluster master|worker}
 * JVMs of this installation, each waited for until it prints its ready line. {@link #close} kills every
 * process it started and all their descendants (executors), by PID, and waits for them to go.
 */
public final class LocalCluster implements AutoCloseable {

    /** One started node process. */
    public record NodeProcess(String role, Process process, String readyLine, Path log, String readyMarker) {
        public long pid() {
            return process.pid();
        }

        /** The word after the ready marker: a master's spark:// URL, a worker's node id, ZooKeeper's host:port. */
        public String address() {
            String rest = readyLine.substring(readyMarker.length());
            int space = rest.indexOf(' ');
            return space < 0 ? rest : rest.substring(0, space);
        }
    }

    private final Path dir;
    private final List<NodeProcess> nodes = new ArrayList<>();
    private final List<String> jvmOptions;

    /** @param dir where each node's log goes ({@code <role>-<n>.log}) and workers keep executor logs */
    public LocalCluster(Path dir, List<String> jvmOptions) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.jvmOptions = List.copyOf(jvmOptions);
    }

    public Path dir() {
        return dir;
    }

    public List<NodeProcess> nodes() {
        return List.copyOf(nodes);
    }

    /** Starts {@code bin/cluster master --port 0 <args>} and waits for its ready line. */
    public NodeProcess startMaster(List<String> args) throws Exception {
        return startMaster(0, args);
    }

    /** Starts {@code bin/cluster master --port P <args>} (a restart keeps its port, so its node id) and waits for it. */
    public NodeProcess startMaster(int port, List<String> args) throws Exception {
        List<String> all = new ArrayList<>(List.of("master", "--port", Integer.toString(port)));
        all.addAll(args);
        return start("master", all, MasterCommand.READY);
    }

    /** Starts {@code bin/cluster zookeeper --port 0} (an embedded single-node server) and waits for it. */
    public NodeProcess startZooKeeper() throws Exception {
        return start("zookeeper", List.of("zookeeper", "--port", "0"), ZooKeeperCommand.READY);
    }

    /** Starts {@code bin/cluster worker <masterUrl> --cores C --memory M <args>} and waits for its ready line. */
    public NodeProcess startWorker(String masterUrl, int cores, String memory, List<String> args) throws Exception {
        int n = (int) nodes.stream().filter(p -> p.role.equals("worker")).count();
        List<String> all = new ArrayList<>(List.of("worker", masterUrl, "--cores", Integer.toString(cores),
                "--memory", memory, "--work-dir", dir.resolve("worker-" + n).toString()));
        all.addAll(args);
        return start("worker", all, WorkerCommand.READY);
    }

    private NodeProcess start(String role, List<String> args, String readyMarker) throws Exception {
        List<String> command = JavaCommand.of(jvmOptions, ClusterCommand.class.getName());
        command.addAll(args);
        int n = (int) nodes.stream().filter(p -> p.role.equals(role)).count();
        Path log = dir.resolve(role + "-" + n + ".log");
        while (Files.exists(log)) { // a restarted node gets a log of its own
            log = dir.resolve(role + "-" + (++n) + ".log");
        }
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        NodeProcess node = new NodeProcess(role, process, null, log, readyMarker);
        nodes.add(node); // registered before waiting, so close() kills it even if it never gets ready
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(readyMarker)) {
                        return line;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String line;
        try {
            line = ready.get(120, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            line = null;
        }
        if (line == null) {
            throw new IllegalStateException(role + " did not become ready (exit "
                    + (process.isAlive() ? "none, still running" : process.exitValue()) + "); its log " + log + ":\n"
                    + tail(log));
        }
        drain(out);
        NodeProcess started = new NodeProcess(role, process, line, log, readyMarker);
        nodes.set(nodes.indexOf(node), started);
        return started;
    }

    /** Keeps reading the node's stdout so it can never block on a full pipe. */
    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // nothing more to learn from it
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "drain");
        t.setDaemon(true);
        t.start();
    }

    /** {@code --conf k=v} flags for each of {@code pairs} ({@code k=v}), as node commands take them. */
    public static List<String> confArgs(List<String> pairs) {
        List<String> args = new ArrayList<>();
        pairs.forEach(p -> args.addAll(List.of("--conf", p)));
        return args;
    }

    /** A port free now: for a node that must keep its port (and so its id) across restarts. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e + ")";
        }
    }

    /** SIGKILL one node process (not its children: a killed worker's executors must notice by themselves). */
    public void kill(NodeProcess node) throws InterruptedException {
        node.process.destroyForcibly();
        node.process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Every process this cluster started, and their descendants, are killed and waited for. */
    @Override
    public void close() {
        List<ProcessHandle> all = new ArrayList<>();
        for (NodeProcess node : nodes) {
            node.process.descendants().forEach(all::add);
            all.add(node.process.toHandle());
        }
        all.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : all) {
            try {
                p.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
