package cluster.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Command lines of live processes, read whole from {@code /proc/<pid>/cmdline}: the JDK's
 * {@code ProcessHandle.Info} cuts long command lines (an executor's class path is long), which would make a
 * search for executors by their arguments find nothing and a "no process left" check pass vacuously.
 */
final class Procs {
    private Procs() {
    }

    /** The arguments of process {@code pid} (program first), or an empty list if it is gone. */
    static List<String> arguments(long pid) {
        try {
            byte[] raw = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            String text = new String(raw, java.nio.charset.StandardCharsets.UTF_8);
            return text.isEmpty() ? List.of() : Arrays.asList(text.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** True if {@code arguments} holds {@code name} followed by {@code value}. */
    static boolean hasOption(List<String> arguments, String name, String value) {
        for (int i = 0; i + 1 < arguments.size(); i++) {
            if (arguments.get(i).equals(name) && arguments.get(i + 1).equals(value)) {
                return true;
            }
        }
        return false;
    }

    /** Every executor process on this machine that works for one of these drivers. */
    static List<ProcessHandle> executorsOf(List<String> driverIds) {
        return ProcessHandle.allProcesses().filter(p -> {
            List<String> args = arguments(p.pid());
            return args.contains("cluster.runtime.ExecutorMain")
                    && driverIds.stream().anyMatch(d -> hasOption(args, "--driver", d));
        }).toList();
    }
}
