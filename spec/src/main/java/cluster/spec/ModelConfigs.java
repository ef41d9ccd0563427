package cluster.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Rewrites TLC model configs, e.g. to check exactly one property of a model. */
public final class ModelConfigs {
    private static final Set<String> KEYWORDS = Set.of("CONSTANT", "CONSTANTS", "INIT", "NEXT", "SPECIFICATION",
            "INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES", "SYMMETRY", "VIEW", "CONSTRAINT", "CONSTRAINTS",
            "ACTION_CONSTRAINT", "ACTION_CONSTRAINTS", "CHECK_DEADLOCK", "TYPE", "TYPE_CONSTRAINT", "POSTCONDITION", "ALIAS");
    private static final Set<String> CHECKS = Set.of("INVARIANT", "INVARIANTS", "PROPERTY", "PROPERTIES");
    /** A string, a line comment, or an upper-case word (a keyword candidate): strings and comments are skipped whole. */
    private static final Pattern WORD = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"|\\\\\\*.*|[A-Z_]+");

    private ModelConfigs() { }

    /**
     * The config without any of its INVARIANT(S) and PROPERTY/PROPERTIES sections (a section runs from its keyword
     * to the next keyword, so names listed on following lines go too), plus the given checks.
     */
    public static String withOnlyChecks(String cfg, List<String> invariants, List<String> properties) {
        StringBuilder out = new StringBuilder();
        boolean dropping = false;
        for (String line : cfg.split("\n", -1)) {
            for (String segment : splitAtKeywords(line)) {
                String first = segment.strip().split("\\s+", 2)[0];
                if (KEYWORDS.contains(first)) dropping = CHECKS.contains(first);
                else if (segment.strip().startsWith("\\*") || segment.isBlank()) { out.append(segment).append('\n'); continue; }
                if (!dropping) out.append(segment).append('\n');
            }
        }
        out.append("\\* checks chosen by ModelConfigs.withOnlyChecks\n");
        invariants.forEach(i -> out.append("INVARIANT ").append(i).append('\n'));
        properties.forEach(p -> out.append("PROPERTY ").append(p).append('\n'));
        return out.toString();
    }

    /** The next-state relation of MC.tla that carries the depth bound (TLC names every step after it). */
    public static final String BOUNDED_SPEC = "BoundedSpec", BOUNDED_NEXT = "BoundedNext";

    /**
     * The config with {@code SPECIFICATION BoundedSpec} replaced by {@code SPECIFICATION Spec} plus
     * {@code CONSTRAINT DepthBound}: the same states, but TLC names each step by its action (slower: it
     * expands the last level too). The config unchanged if it does not check BoundedSpec.
     */
    public static String withDepthAsConstraint(String cfg) {
        return cfg.replaceAll("(?m)^([ \\t]*)SPECIFICATION[ \\t]+" + BOUNDED_SPEC + "[ \\t]*$",
                "$1SPECIFICATION Spec\n$1CONSTRAINT DepthBound");
    }

    /** A config line cut before every keyword, so "SPECIFICATION Spec INVARIANT Inv" becomes two sections. */
    private static List<String> splitAtKeywords(String line) {
        List<String> segments = new ArrayList<>();
        Matcher m = WORD.matcher(line);
        int start = 0;
        while (m.find()) {
            String word = m.group();
            if (word.startsWith("\\*")) break; // the rest of the line is a comment
            boolean wholeWord = (m.start() == 0 || !Character.isLetterOrDigit(line.charAt(m.start() - 1)))
                    && (m.end() == line.length() || !Character.isLetterOrDigit(line.charAt(m.end())));
            if (KEYWORDS.contains(word) && wholeWord && !line.substring(start, m.start()).isBlank()) {
                segments.add(line.substring(start, m.start()));
                start = m.start();
            }
        }
        segments.add(line.substring(start));
        return segments;
    }
}
