package cluster.runtime;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The executor command a driver hands its master, with the app's spark.executor.extraJavaOptions. */
class ExecutorCommandTest {

    @Test
    void extraJavaOptionsComeAfterOursSoTheyWinAndBeforeTheMainClass() {
        SparkConf conf = new SparkConf().setPair(DriverNode.EXTRA_JAVA_OPTIONS + "=  -Dx=1   -XX:+UseParallelGC ");
        List<String> extra = DriverNode.extraJavaOptions(conf);
        assertEquals(List.of("-Dx=1", "-XX:+UseParallelGC"), extra);
        List<String> command = DriverNode.executorCommand("driver@h:1", 512, extra, null);
        int main = command.indexOf(ExecutorMain.class.getName());
        assertTrue(command.indexOf("-XX:+UseSerialGC") < command.indexOf("-XX:+UseParallelGC"), command.toString());
        assertTrue(command.indexOf("-Dx=1") < main, command.toString());
        assertEquals(List.of(), DriverNode.extraJavaOptions(new SparkConf()));
    }

    @Test
    void aWordThatIsNoJvmOptionIsRefusedNamingTheKey() {
        SparkConf conf = new SparkConf().setPair(DriverNode.EXTRA_JAVA_OPTIONS + "=-Xss4m \"-Dname=a b\"");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DriverNode.extraJavaOptions(conf));
        assertTrue(e.getMessage().startsWith("spark.executor.extraJavaOptions: '\"-Dname=a' is not a JVM option"), e.getMessage());
    }
}
