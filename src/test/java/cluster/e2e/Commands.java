package cluster.e2e;

import cluster.cli.ClusterCommand;
import cluster.runtime.JavaCommand;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.fail;

/** Runs {@code bin/cluster <args>} as a separate JVM of this build (no rebuild), and kills it and its children after. */
final class Commands {
    record Run(int exitCode, String out, String err) {
    }

    private Commands() {
    }

    static Run run(long timeoutSeconds, String... args) throws Exception {
        // cluster.home: where the spec lives, for the trace check the demo ends with (bin/cluster sets it the same way)
        List<String> command = JavaCommand.of(List.of("-Xmx256m", "-Dcluster.home=" + System.getProperty("cluster.home", "..")),
                ClusterCommand.class.getName());
        command.addAll(List.of(args));
        return runProcess(command, null, timeoutSeconds);
    }

    /**
     * Runs {@code command} (in {@code dir}, or here if null) to its end and kills it and its children afterwards.
     * Output goes to files rather than pipes, so a chatty process can never block on a full pipe buffer.
     */
    static Run runProcess(List<String> command, Path dir, long timeoutSeconds) throws Exception {
        Path out = Files.createTempFile("cmd", ".out");
        Path err = Files.createTempFile("cmd", ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        if (dir != null) {
            builder.directory(dir.toFile());
        }
        Process process = builder.start();
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                fail(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s; stderr:\n"
                        + Files.readString(err));
            }
            return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
