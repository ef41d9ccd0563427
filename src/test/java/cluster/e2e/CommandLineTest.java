package cluster.e2e;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The commands as a user runs them: the demo end to end, and bad flags or settings named with exit code 2. */
class CommandLineTest {

    @Test
    void demoRunsTheSampleAppOnALocalClusterAndStopsEverything() throws Exception {
        Commands.Run run = Commands.run(600, "demo");
        assertEquals(0, run.exitCode(), "demo failed; stderr:\n" + run.err());
        assertTrue(run.out().matches("(?s).*Pi is roughly 3\\.1\\d*.*"), run.out());
        for (String step : new String[] {"registered by master@", "executor 0 launched on worker@",
                "executor 0 registered", "job done: 8 tasks", "every process the demo started is stopped"}) {
            assertTrue(run.out().contains(step), "missing '" + step + "' in:\n" + run.out());
        }
    }

    @Test
    void haDemoKillsTheLeaderMidJobAndTheJobStillFinishes() throws Exception {
        Commands.Run run = Commands.run(900, "demo", "--ha");
        assertEquals(0, run.exitCode(), "demo --ha failed; stderr:\n" + run.err());
        for (String step : new String[] {"killed with SIGKILL while the job runs", "ALIVE with both workers",
                "job done: 32 tasks", "Pi is roughly 3.1", "every process the demo started is stopped"}) {
            assertTrue(run.out().contains(step), "missing '" + step + "' in:\n" + run.out());
        }
    }

    @Test
    void anUnknownSettingIsNamed() throws Exception {
        Commands.Run run = Commands.run(120, "master", "--port", "0", "--conf", "spark.deploy.spredOut=false");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("spark.deploy.spredOut"), run.err());
    }

    @Test
    void aBadValueIsNamedByItsKey() throws Exception {
        Commands.Run run = Commands.run(120, "master", "--port", "0", "--conf", "spark.worker.timeout=soon");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("spark.worker.timeout"), run.err());
    }

    @Test
    void aBadFlagIsNamed() throws Exception {
        Commands.Run run = Commands.run(120, "worker", "spark://127.0.0.1:7077", "--cores", "many");
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--cores"), run.err());
        Commands.Run noMaster = Commands.run(120, "submit", "--executor-cores", "1");
        assertEquals(2, noMaster.exitCode());
        assertTrue(noMaster.err().contains("--master"), noMaster.err());
        Commands.Run badUrl = Commands.run(120, "worker", "http://127.0.0.1:7077");
        assertEquals(2, badUrl.exitCode());
        assertTrue(badUrl.err().contains("spark://host:port"), badUrl.err());
    }
}
