package cluster.spec;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the TLA+ spec lives: {@code -Dcluster.spec.dir}, else {@code ${cluster.home}/spec/tla}, else {@code ./spec/tla}. */
public final class SpecLocation {
    private SpecLocation() { }

    public static Path specDir() {
        String dir = System.getProperty("cluster.spec.dir");
        if (dir != null && !dir.isBlank()) return Path.of(dir).toAbsolutePath();
        String home = System.getProperty("cluster.home");
        if (home != null && !home.isBlank()) return Path.of(home, "spec", "tla").toAbsolutePath();
        return Path.of("spec", "tla").toAbsolutePath();
    }

    /** The mutations directory next to the spec directory ({@code spec/mutations} for {@code spec/tla}). */
    public static Path mutationsDir(Path specDir) {
        return specDir.toAbsolutePath().getParent().resolve("mutations");
    }

    /** True once the protocol spec exists, i.e. the model wrapper MC.tla is there. */
    public static boolean hasSpec(Path specDir) {
        return Files.isRegularFile(specDir.resolve("MC.tla"));
    }
}
