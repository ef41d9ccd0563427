package cluster.spec;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** The toy spec of the tests (src/test/resources/toy): a counter made to produce each kind of TLC verdict. */
final class Toy {
    private Toy() { }

    static Path dir() {
        return resource("/toy");
    }

    static Path mutations() {
        return resource("/toy-mutations");
    }

    private static Path resource(String name) {
        try {
            return Path.of(Toy.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs a toy model exhaustively (or as its metadata says) with one worker. */
    static TlcResult run(String model) {
        return Tlc.run(dir(), TlcOptions.forModel(ModelInfo.find(dir(), model).orElseThrow()));
    }
}
