package cluster.tracecheck;

import java.nio.file.Path;

class DumpTrace {
    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "stop" -> cluster.harness.TracedRuns.launchAndStop(dir);
            case "failover" -> cluster.harness.TracedRuns.failover(dir);
            case "driver" -> cluster.harness.TracedRuns.driverCrash(dir);
            case "chaos" -> cluster.harness.TracedRuns.chaos(dir, Long.parseLong(args[2]));
            case "churn" -> cluster.harness.TracedRuns.churn(dir, Integer.parseInt(args[2]));
            default -> { }
        }
        TraceVerdict v = new TraceChecker(cluster.spec.SpecLocation.specDir(), TraceCheckOptions.defaults()
                .withProgress(System.out::println)).run(dir);
        System.out.println(v.message() + "\n" + v.details());
    }
}
