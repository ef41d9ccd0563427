package cluster.spec;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Builds the dynamic tests for a directory of .mut files: first, per model used, one run of the unmutated spec
 * with all that model's targets (proving the targets hold, so a mutant's violation comes from the mutation);
 * then one test per mutation. A file that cannot be read becomes a failing test of its own.
 */
final class MutationTests {
    private MutationTests() { }

    static Stream<DynamicTest> forDirectory(Path specDir, Path mutationsDir, String target) {
        MutationCheck check = new MutationCheck(specDir, target);
        Map<String, List<Mutation>> byModel = new LinkedHashMap<>();
        List<DynamicTest> mutants = new ArrayList<>();
        for (Path file : mutFiles(mutationsDir)) {
            String name = file.getFileName().toString().replaceFirst("\\.mut$", "");
            Mutation m;
            try {
                m = Mutation.load(file);
            } catch (RuntimeException e) {
                mutants.add(dynamicTest(name + " (unreadable)", file.toUri(), () -> { throw e; }));
                continue;
            }
            byModel.computeIfAbsent(m.model(), k -> new ArrayList<>()).add(m);
            mutants.add(dynamicTest(name + " violates " + m.property(), file.toUri(), () -> {
                TlcResult r = check.runMutant(m);
                String problem = MutationCheck.mutantProblem(m, r);
                if (problem != null) fail(problem);
                System.out.println("mutation " + m.name() + " caught: " + r.summary());
            }));
        }
        List<DynamicTest> tests = new ArrayList<>();
        byModel.forEach((model, ms) -> tests.add(dynamicTest("unmutated spec satisfies "
                + ms.stream().map(Mutation::property).distinct().toList() + " under model " + model, () -> {
            TlcResult r = check.runUnmutated(model, ms);
            String problem = check.unmutatedProblem(model, r);
            if (problem != null) fail(problem);
        })));
        tests.addAll(mutants);
        return tests.stream();
    }

    private static List<Path> mutFiles(Path dir) {
        if (!Files.isDirectory(dir)) return List.of();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".mut")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
