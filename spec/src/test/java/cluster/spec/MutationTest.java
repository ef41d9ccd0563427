package cluster.spec;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every spec/mutations/*.mut must be rejected by TLC with a violation of its property, and the unmutated spec must
 * satisfy those properties under the same models. No .mut files: no tests.
 */
class MutationTest {

    @TestFactory
    Stream<DynamicTest> everyMutationIsCaught() {
        Path specDir = SpecLocation.specDir();
        return MutationTests.forDirectory(specDir, SpecLocation.mutationsDir(specDir), Mutation.DEFAULT_TARGET);
    }
}
