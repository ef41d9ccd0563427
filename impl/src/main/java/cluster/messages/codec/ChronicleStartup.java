package cluster.messages.codec;

/**
 * Chronicle's start-up, trimmed to what this project uses. Chronicle Core's first use loads its POSIX binding,
 * which generates native call stubs through jnr-ffi (some 250 classes, about a tenth of a second of CPU in every
 * JVM, archived or not). We only use heap buffers and the wire formats, never memory-mapped files or POSIX
 * clocks, which are the binding's only users, so each process's {@code main} asks for the no-op binding before
 * anything touches Chronicle: executors start that much sooner.
 */
public final class ChronicleStartup {

    private ChronicleStartup() {
    }

    /** Call first thing in {@code main}; harmless if Chronicle is already initialised or the binding is gone. */
    public static void skipNativePosixBinding() {
        try {
            net.openhft.posix.internal.PosixAPIHolder.useNoOpPosixApi();
        } catch (Throwable notThere) { // a Chronicle version without this hook: keep its default binding
        }
    }
}
