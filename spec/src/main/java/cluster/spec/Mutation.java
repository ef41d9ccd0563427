package cluster.spec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A deliberately broken variant of the protocol module that TLC must reject, read from a {@code .mut} file:
 * <pre>
 * # comment
 * property: WorkerCapacityRespected
 * kind: invariant                 (or: property, for a temporal/action property)
 * model: mutants                  (a config name in models/)
 * find: exact text of a line fragment
 * replace: its replacement
 * </pre>
 * find/replace pairs may repeat and are applied in order; each find text must occur exactly once in the module
 * at the time it is applied. Values are trimmed.
 */
public record Mutation(String name, String property, Kind kind, String model, List<Edit> edits) {
    public enum Kind { INVARIANT, PROPERTY }

    public record Edit(String find, String replace) { }

    /** The protocol module mutations apply to, by the spec directory's convention. */
    public static final String DEFAULT_TARGET = "SparkStandalone.tla";

    /** All {@code *.mut} files of a directory, sorted by name; empty if the directory does not exist. */
    public static List<Mutation> loadAll(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mut")).sorted().map(Mutation::load).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Mutation load(Path file) {
        try {
            return parse(file.getFileName().toString().replaceFirst("\\.mut$", ""), Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Mutation parse(String name, List<String> lines) {
        String property = null, kind = null, model = null, find = null;
        List<Edit> edits = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.strip().startsWith("#")) continue;
            int colon = line.indexOf(':');
            if (colon < 0) throw bad(name, i, "expected 'key: value', got: " + line);
            String key = line.substring(0, colon).strip(), value = line.substring(colon + 1).strip();
            switch (key) {
                case "property" -> property = value;
                case "kind" -> kind = value;
                case "model" -> model = value;
                case "find" -> {
                    if (find != null) throw bad(name, i, "two find: lines without a replace: between them");
                    if (value.isEmpty()) throw bad(name, i, "empty find: text");
                    find = value;
                }
                case "replace" -> {
                    if (find == null) throw bad(name, i, "replace: without a find: before it");
                    edits.add(new Edit(find, value));
                    find = null;
                }
                default -> throw bad(name, i, "unknown key '" + key + "' (known: property, kind, model, find, replace)");
            }
        }
        if (find != null) throw new IllegalArgumentException(name + ".mut: the last find: has no replace:");
        if (property == null || property.isEmpty()) throw new IllegalArgumentException(name + ".mut: no property:");
        if (model == null || model.isEmpty()) throw new IllegalArgumentException(name + ".mut: no model:");
        if (edits.isEmpty()) throw new IllegalArgumentException(name + ".mut: no find:/replace: pair");
        Kind k = switch (kind == null ? "" : kind) {
            case "invariant" -> Kind.INVARIANT;
            case "property" -> Kind.PROPERTY;
            default -> throw new IllegalArgumentException(name + ".mut: kind must be 'invariant' or 'property', got '" + kind + "'");
        };
        return new Mutation(name, property, k, model, edits);
    }

    /**
     * Applies the edits in order to the module text.
     *
     * @param moduleName used in error messages only
     * @throws IllegalArgumentException if a find text does not occur exactly once
     */
    public String apply(String moduleText, String moduleName) {
        String text = moduleText;
        for (Edit e : edits) {
            List<Integer> lines = linesContaining(text, e.find());
            if (lines.size() != 1) {
                throw new IllegalArgumentException("mutation " + name + ": find text '" + e.find() + "' "
                        + (lines.isEmpty() ? "does not occur" : "occurs " + lines.size() + " times (lines " + lines + ")")
                        + " in " + moduleName + "; it must occur exactly once");
            }
            text = text.replace(e.find(), e.replace());
        }
        return text;
    }

    /** The 1-based line numbers of every occurrence (a line may appear twice). */
    private static List<Integer> linesContaining(String text, String fragment) {
        List<Integer> lines = new ArrayList<>();
        for (int at = text.indexOf(fragment); at >= 0; at = text.indexOf(fragment, at + 1)) {
            lines.add((int) text.substring(0, at).chars().filter(c -> c == '\n').count() + 1);
        }
        return lines;
    }

    private static IllegalArgumentException bad(String name, int lineIndex, String message) {
        return new IllegalArgumentException(name + ".mut line " + (lineIndex + 1) + ": " + message);
    }
}
