package cluster.runtime;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a new JVM of this installation: the same {@code java}, the same class path, and the
 * JVM flags Chronicle Wire needs, taken from this JVM's own flags so there is one list of them (in the
 * launcher and the build), not a copy here.
 */
public final class JavaCommand {
    private JavaCommand() {
    }

    public static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** This JVM's module-opening flags ({@code --add-opens=...}, {@code --add-exports=...} and their companions). */
    public static List<String> inheritedFlags() {
        List<String> flags = new ArrayList<>();
        for (String arg : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (arg.startsWith("--add-opens=") || arg.startsWith("--add-exports=")
                    || arg.equals("-XX:+IgnoreUnrecognizedVMOptions") || arg.startsWith("--sun-misc-unsafe-memory-access")) {
                flags.add(arg);
            }
        }
        return flags;
    }

    /**
     * {@code java <inherited flags> <jvmOptions> -cp <this class path> <mainClass>}; arguments follow.
     * Startup-friendly options for short-lived helper JVMs are the caller's choice.
     */
    public static List<String> of(List<String> jvmOptions, String mainClass) {
        List<String> command = new ArrayList<>();
        command.add(javaBinary());
        command.addAll(inheritedFlags());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        return command;
    }
}
