package cluster.harness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One life of a node's OS process, speaking the Maelstrom protocol on its stdin and stdout (stderr appended to
 * a log file). Lines to it are queued and written by a thread of their own, so a paused process whose pipe is full
 * never stalls the network. Kills are SIGKILL (of its descendants too: a worker's executors), pauses SIGSTOP and
 * SIGCONT, always by process id.
 */
final class NodeProcess {

    private static final String STOP = "\u0000stop";

    private final String nodeId;
    private final Process process;
    private final BlockingQueue<String> toNode = new LinkedBlockingQueue<>();

    private NodeProcess(String nodeId, Process process) {
        this.nodeId = nodeId;
        this.process = process;
    }

    /** Starts the process; every line it writes on stdout goes to {@code lines} (on a reader thread). */
    static NodeProcess start(String nodeId, List<String> command, Path log, Consumer<String> lines) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        NodeProcess node = new NodeProcess(nodeId, process);
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    lines.accept(line);
                }
            } catch (IOException e) {
                // the process is gone
            }
        }, nodeId + "-stdout");
        reader.setDaemon(true);
        reader.start();
        Thread writer = new Thread(node::writeLoop, nodeId + "-stdin");
        writer.setDaemon(true);
        writer.start();
        return node;
    }

    private void writeLoop() {
        try (OutputStream in = process.getOutputStream()) {
            while (true) {
                String line = toNode.take();
                if (line == STOP) {
                    return;
                }
                in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                in.flush();
            }
        } catch (IOException | InterruptedException e) {
            // the process is gone, or the harness stops
        }
    }

    String nodeId() {
        return nodeId;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** Queues a line for the node's stdin. */
    void write(String line) {
        toNode.add(line);
    }

    /** SIGKILL to the process and its descendants; waits until it is gone. */
    void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        toNode.add(STOP);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // A descendant started just before the kill reaches its own end: it watches its parent.
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    void pause() {
        signal("-STOP");
    }

    void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        if (!process.isAlive()) {
            return;
        }
        try {
            Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot run kill " + signal + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
