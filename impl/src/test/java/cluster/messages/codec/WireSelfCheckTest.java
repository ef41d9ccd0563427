package cluster.messages.codec;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WireSelfCheckTest {

    @Test
    void passesWithTheChronicleFlags() {
        assertDoesNotThrow(WireSelfCheck::verify);
        assertDoesNotThrow(WireSelfCheck::verifyJson);
    }

    /** A JVM started without the flags must stop at once, naming the flag it lacks. */
    @Test
    void failsFastInAJvmWithoutTheFlags() throws Exception {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        Process process = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                SelfCheckMain.class.getName()))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertNotEquals(0, process.exitValue(), output);
        assertTrue(output.contains(WireSelfCheck.REQUIRED_FLAG), output);
    }

    /** Runs the check the way a node's main does. */
    public static final class SelfCheckMain {
        public static void main(String[] args) {
            WireSelfCheck.verify();
        }
    }
}
