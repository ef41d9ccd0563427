package cluster.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A model config {@code <specDir>/models/<name>.cfg} and the metadata in its leading comment lines:
 * <pre>
 * \* mode: simulate depth=300 traces=1000     (default: exhaustive; traces = TLC's -simulate num=)
 * \* purpose: what this model is for
 * </pre>
 *
 * @param depth  simulation depth bound, null if not given
 * @param traces number of simulated behaviours, null if not given (then only a time limit stops the simulation)
 */
public record ModelInfo(String name, Path cfg, boolean simulate, Integer depth, Long traces, String purpose) {

    public static Path modelsDir(Path specDir) {
        return specDir.resolve("models");
    }

    /** All models of a spec directory, sorted by name; empty if there is no models directory. */
    public static List<ModelInfo> list(Path specDir) {
        Path dir = modelsDir(specDir);
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".cfg")).map(ModelInfo::read)
                    .sorted(java.util.Comparator.comparing(ModelInfo::name)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<ModelInfo> find(Path specDir, String name) {
        Path cfg = modelsDir(specDir).resolve(name + ".cfg");
        return Files.isRegularFile(cfg) ? Optional.of(read(cfg)) : Optional.empty();
    }

    public static ModelInfo read(Path cfg) {
        try {
            return parse(cfg, Files.readAllLines(cfg));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelInfo parse(Path cfg, List<String> lines) {
        String name = cfg.getFileName().toString().replaceFirst("\\.cfg$", "");
        boolean simulate = false;
        Integer depth = null;
        Long traces = null;
        List<String> purpose = new ArrayList<>();
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty()) continue;
            if (!line.startsWith("\\*")) break; // metadata is only the leading comment block
            String comment = line.substring(2).strip();
            if (comment.startsWith("mode:")) {
                String[] words = comment.substring(5).strip().split("\\s+");
                if (words[0].equals("simulate")) simulate = true;
                else if (!words[0].equals("exhaustive")) throw new IllegalArgumentException(cfg + ": unknown mode '" + words[0] + "'");
                for (int i = 1; i < words.length; i++) {
                    String[] kv = words[i].split("=", 2);
                    if (kv.length == 2 && kv[0].equals("depth")) depth = Integer.valueOf(kv[1]);
                    else if (kv.length == 2 && (kv[0].equals("traces") || kv[0].equals("num"))) traces = Long.valueOf(kv[1]);
                    else throw new IllegalArgumentException(cfg + ": cannot read '" + words[i] + "' in the mode line");
                }
            } else if (comment.startsWith("purpose:")) {
                purpose.add(comment.substring(8).strip());
            }
        }
        return new ModelInfo(name, cfg, simulate, depth, traces, String.join(" ", purpose));
    }
}
