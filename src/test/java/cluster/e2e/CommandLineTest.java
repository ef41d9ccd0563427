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
                "executor 0 registered", "job done: 8 tasks", "every process the demo started is stopped",
                "Trace check: conforms"}) {
            assertTrue(run.out().contains(step), "missing '" + step + "' in:\n" + run.out());
        }
    }

    @Test
    void haDemoKillsTheLeaderMidJobAndTheJobStillFinishes() throws Exception {
        Commands.Run run = Commands.run(900, "demo", "--ha");
        assertEquals(0, run.exitCode(), "demo --ha failed; stderr:\n" + run.err());
        for (String step : new String[] {"killed with SIGKILL while the job runs", "ALIVE with both workers",
                "job done: 32 tasks", "Pi is roughly 3.1", "every process the demo started is stopped",
                "Trace check: conforms"}) {
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
    void aDefaultsFileIsReadAndItsBadKeyIsNamedWithItsLine() throws Exception {
        java.nio.file.Path file = java.nio.file.Files.createTempFile("spark-defaults", ".conf");
        try {
            java.nio.file.Files.writeString(file, "# comment\nspark.deploy.spreadOut  false\nspark.executor.memroy 1g\n");
            Commands.Run run = Commands.run(120, "master", "--port", "0", "--properties-file", file.toString());
            assertEquals(2, run.exitCode());
            assertTrue(run.err().contains("spark.executor.memroy") && run.err().contains("line 3"), run.err());
        } finally {
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    @Test
    void statusShowsTheMastersView() throws Exception {
        try (RealCluster cluster = new RealCluster(java.util.List.of(), new int[] {3}, "1g")) {
            Commands.Run json = Commands.run(120, "status", "--master", cluster.master.address(), "--json");
            assertEquals(0, json.exitCode(), json.err());
            assertTrue(json.out().startsWith("{\"masterId\":\"" + cluster.masterId() + "\",\"status\":\"ALIVE\""), json.out());
            assertTrue(json.out().contains("\"workerId\":\"" + cluster.workerId(0) + "\",\"state\":\"ALIVE\",\"cores\":3"),
                    json.out());
            Commands.Run text = Commands.run(120, "status", "--master", cluster.master.address());
            assertTrue(text.out().contains("workers (1):") && text.out().contains(cluster.workerId(0)), text.out());
            Commands.Run nobody = Commands.run(120, "status", "--master", "spark://127.0.0.1:1", "--timeout", "2000");
            assertEquals(1, nobody.exitCode());
        }
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
        Commands.Run badOptions = Commands.run(120, "submit", "--master", "spark://127.0.0.1:1", "--conf",
                "spark.executor.extraJavaOptions=-Xss4m Xmx1g");
        assertEquals(2, badOptions.exitCode());
        assertTrue(badOptions.err().contains("spark.executor.extraJavaOptions: 'Xmx1g'"), badOptions.err());
    }
}
