package cluster.spec;

import java.nio.file.Path;
import java.util.List;

/** Hears a TLC run as it happens. All methods are called on the thread that called {@link Tlc#run}. */
public interface TlcListener {
    TlcListener NONE = new TlcListener() { };

    /** The forked command line and the temporary working copy it runs in. */
    default void started(List<String> command, Path workDir) { }

    /** Every line TLC prints (stdout and stderr merged). */
    default void line(String line) { }

    /** TLC's periodic progress report (once a minute). */
    default void progress(TlcProgress progress) { }
}
