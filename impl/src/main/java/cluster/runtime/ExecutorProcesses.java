package cluster.runtime;

import cluster.core.Effect;
import cluster.core.ExecutorKey;
import cluster.core.Input;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The worker's executor processes (Spark's ExecutorRunner): each launch starts a real OS process from the
 * filled-in command as an argument list (never through a shell), with its output in
 * {@code <workDir>/<appId>/<execId>/stdout} and {@code stderr}; its exit is reported to the worker's core as
 * {@link Input.ProcessExited}. When an executor registers with its driver it leaves a {@link RegistrationNotice} in
 * its directory, which is watched (every {@value #NOTICE_POLL_MS} ms while some executor has not registered) and
 * reported as {@link Input.ProcessRegistered}. A kill sends SIGTERM, then SIGKILL after a grace period. When the worker stops,
 * every executor it started is killed; when it dies without stopping, the executors notice their parent is gone
 * and exit by themselves (see {@link ExecutorMain}).
 */
public final class ExecutorProcesses implements NodeRuntime.ProcessControl {

    private static final Logger LOG = LoggerFactory.getLogger(ExecutorProcesses.class);
    /** Spark's worker reports a launch that could not start as FAILED; so do we, with this exit code. */
    public static final int COULD_NOT_START = 127;
    static final long NOTICE_POLL_MS = 20;

    private final Path workDir;
    private final long killGraceMs;
    private final Map<String, String> environment;
    /** Where executors trace (null: tracing off): an ended executor's last event is read from there. */
    private final String traceDir;
    private final Map<ExecutorKey, Process> running = new ConcurrentHashMap<>();
    /** Started executors that have not said they registered, by their directories. Used on the worker's loop only. */
    private final Map<ExecutorKey, Path> unregistered = new java.util.LinkedHashMap<>();
    private NodeRuntime worker;

    /** @param environment added to each executor's environment (e.g. the shared secret, never on a command line) */
    public ExecutorProcesses(Path workDir, long killGraceMs, Map<String, String> environment, String traceDir) {
        this.workDir = workDir;
        this.traceDir = traceDir;
        this.killGraceMs = killGraceMs;
        this.environment = Map.copyOf(environment);
    }

    /** The worker whose core hears of exits; set once, before the first launch. */
    public void reportTo(NodeRuntime workerRuntime) {
        this.worker = workerRuntime;
        worker.loop().scheduleWithFixedDelay(this::lookForNotices, NOTICE_POLL_MS, NOTICE_POLL_MS,
                TimeUnit.MILLISECONDS);
    }

    public Path workDir() {
        return workDir;
    }

    @Override
    public void launch(Effect.LaunchProcess launch) {
        ExecutorKey key = new ExecutorKey(launch.appId(), launch.execId());
        Path dir = workDir.resolve(safe(launch.appId())).resolve(Integer.toString(launch.execId()));
        try {
            Files.createDirectories(dir);
            RegistrationNotice.clear(dir);
            ProcessBuilder builder = new ProcessBuilder(launch.command());
            builder.environment().putAll(environment);
            builder.environment().put(ProcessClock.ENV, ProcessClock.encode(worker.clock()));
            Process process = builder
                    .directory(dir.toFile())
                    .redirectOutput(dir.resolve("stdout").toFile())
                    .redirectError(dir.resolve("stderr").toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            running.put(key, process);
            unregistered.put(key, dir);
            LOG.info("{}: launched executor {}/{} (pid {}, {} cores, {} MB), output in {}", worker.nodeId(),
                    launch.appId(), launch.execId(), process.pid(), launch.cores(), launch.memoryMb(), dir);
            process.onExit().thenAccept(p -> {
                Input exit = exited(key, p.exitValue());
                Map<String, Long> left = ProcessClock.lastOf(traceDir,
                        NodeAddress.executorId(launch.appId(), launch.execId()));
                worker.execute(() -> {
                    noticeOf(key); // a registration it told of before it ended comes first
                    unregistered.remove(key);
                    worker.mergeClock(left); // the worker sees the end of everything the executor did
                    worker.input(exit);
                });
            });
        } catch (IOException | RuntimeException e) {
            LOG.error("{}: executor {}/{} could not start: {}", worker.nodeId(), launch.appId(), launch.execId(),
                    e.toString());
            worker.submit(new Input.ProcessExited(launch.appId(), launch.execId(), COULD_NOT_START));
        }
    }

    /** On the worker's loop: tells the core of every executor that has registered since the last look. */
    private void lookForNotices() {
        for (ExecutorKey key : List.copyOf(unregistered.keySet())) {
            try {
                noticeOf(key);
            } catch (RuntimeException e) { // an unreadable notice: this executor stays unreported, the rest go on
                LOG.warn("{}: executor {}/{}: {}", worker.nodeId(), key.appId(), key.execId(), e.toString());
                unregistered.remove(key);
            }
        }
    }

    private void noticeOf(ExecutorKey key) {
        Path dir = unregistered.get(key);
        if (dir == null) {
            return;
        }
        RegistrationNotice.read(dir).ifPresent(clock -> {
            unregistered.remove(key);
            worker.mergeClock(clock); // the RUNNING report comes after the registration it tells of
            worker.input(new Input.ProcessRegistered(key.appId(), key.execId()));
        });
    }

    private Input exited(ExecutorKey key, int exitCode) {
        running.remove(key);
        LOG.info("{}: executor {}/{} exited with code {}", worker.nodeId(), key.appId(), key.execId(), exitCode);
        return new Input.ProcessExited(key.appId(), key.execId(), exitCode);
    }

    @Override
    public void kill(Effect.KillProcess kill) {
        Process process = running.get(new ExecutorKey(kill.appId(), kill.execId()));
        if (process == null) {
            return;
        }
        LOG.info("{}: killing executor {}/{} (pid {})", worker.nodeId(), kill.appId(), kill.execId(), process.pid());
        process.destroy();
        worker.loop().schedule(() -> {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }, killGraceMs, TimeUnit.MILLISECONDS);
    }

    /** Process ids of the executors running now, by executor. */
    public Map<ExecutorKey, Long> pids() {
        Map<ExecutorKey, Long> pids = new java.util.TreeMap<>();
        running.forEach((k, p) -> pids.put(k, p.pid()));
        return pids;
    }

    /** Kills every executor (SIGKILL) and waits a little for them to go: the worker is stopping. */
    public void killAll() {
        for (Process p : running.values()) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        for (Process p : running.values()) {
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
