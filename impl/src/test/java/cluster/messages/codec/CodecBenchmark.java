package cluster.messages.codec;

import cluster.messages.ApplicationDescription;
import cluster.messages.Envelope;
import cluster.messages.ExecutorState;
import cluster.messages.ExecutorStateChanged;
import cluster.messages.Heartbeat;
import cluster.messages.LaunchExecutor;
import cluster.messages.Message;
import cluster.messages.RegisterApplication;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.wire.BinaryWire;
import net.openhft.chronicle.wire.Wire;
import net.openhft.chronicle.wire.WireType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Encode + decode of one envelope per operation (a typical envelope: 4-node vector clock), for
 * the messages that are hot on the wire:
 * <ul>
 *   <li>{@code binaryCodec}: {@link BinaryEnvelopeCodec}, what the transport does (validation,
 *       header check, the compact hand-written body);</li>
 *   <li>{@code chronicleReflective}: the same envelope through a BINARY_LIGHT wire forced to
 *       Chronicle's reflective self-describing marshalling, no checks: the baseline;</li>
 *   <li>{@code jsonCodec}: {@link JsonEnvelopeCodec}, for traces and the harness.</li>
 * </ul>
 * Read the p0.50 lines (see the note on the mode). Not a test: surefire never runs it. Run with
 * {@code mvn -B -ntp -pl impl test-compile exec:exec@codec-bench}
 * (the execution passes the Chronicle JVM flags; the forks inherit them through jvmArgsAppend).
 */
@State(Scope.Thread)
// Sample time, not average: on a shared 2-core machine the average is dominated by the moments
// the thread is preempted; the median (p0.50) shows the cost of the code itself.
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CodecBenchmark {

    @Param({"LaunchExecutor", "RegisterApplication", "ExecutorStateChanged", "Heartbeat"})
    public String message;

    private BinaryEnvelopeCodec binary;
    private JsonEnvelopeCodec json;
    private Wire reflective;
    private Envelope envelope;

    @Setup
    public void setUp() {
        binary = new BinaryEnvelopeCodec();
        json = new JsonEnvelopeCodec();
        reflective = reflectiveWire();
        envelope = sample(message);
    }

    @Benchmark
    public Envelope binaryCodec() {
        return binary.decode(binary.encode(envelope));
    }

    @Benchmark
    public Object chronicleReflective() {
        reflective.clear();
        reflective.getValueOut().object(envelope);
        return reflective.getValueIn().object();
    }

    @Benchmark
    public Envelope jsonCodec() {
        return json.decode(json.encode(envelope));
    }

    /** BINARY_LIGHT with Chronicle's own reflective field-by-field marshalling, whatever the classes override. */
    static Wire reflectiveWire() {
        Wire wire = WireType.BINARY_LIGHT.apply(Bytes.allocateElasticOnHeap(512));
        ((BinaryWire) wire).setOverrideSelfDescribing(true);
        return wire;
    }

    /** Typical sizes: a 4-node vector clock, a 6-argument command template. */
    static Envelope sample(String type) {
        Map<String, Long> clock = new LinkedHashMap<>();
        clock.put("master-1", 1042L);
        clock.put("worker-20261121-10.0.0.7-7078", 377L);
        clock.put("driver-app-0001", 95L);
        clock.put("master-2", 12L);
        List<String> command = List.of("java", "-Xmx1024m", "-cp", "/opt/cluster/lib/*",
                "cluster.executor.ExecutorMain", "--executor-id={{EXECUTOR_ID}}");
        Message body = switch (type) {
            case "LaunchExecutor" -> new LaunchExecutor(7, "worker-20261121-10.0.0.7-7078", "app-0001", 12, 4, 2048,
                    command);
            case "RegisterApplication" -> new RegisterApplication("reg-5f3c9a", "cluster://driver@10.0.0.2:7078",
                    new ApplicationDescription("word-count", 16, 4, 2048, null, command));
            case "ExecutorStateChanged" -> new ExecutorStateChanged("worker-20261121-10.0.0.7-7078", "app-0001", 12,
                    ExecutorState.EXITED, "Command exited with code 0", 0);
            case "Heartbeat" -> new Heartbeat("worker-20261121-10.0.0.7-7078");
            default -> throw new IllegalArgumentException(type);
        };
        return new Envelope("master-1", "worker-20261121-10.0.0.7-7078", 123_456L, clock, body);
    }

    public static void main(String[] args) throws Exception {
        BinaryEnvelopeCodec binary = new BinaryEnvelopeCodec();
        JsonEnvelopeCodec json = new JsonEnvelopeCodec();
        System.out.println("Bytes per envelope: message, binaryCodec, chronicleReflective, jsonCodec");
        for (String type : List.of("LaunchExecutor", "RegisterApplication", "ExecutorStateChanged", "Heartbeat")) {
            Envelope e = sample(type);
            Wire reflective = reflectiveWire();
            reflective.getValueOut().object(e);
            System.out.printf("  %-22s %5d %5d %5d%n", type, binary.encode(e).length, reflective.bytes().readRemaining(),
                    json.encode(e).length());
        }
        // The forks need the same --add-opens/--add-exports flags this JVM was started with.
        String[] chronicleFlags = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("--add-") || a.startsWith("-XX:+IgnoreUnrecognized"))
                .toArray(String[]::new);
        new Runner(new OptionsBuilder()
                .include(CodecBenchmark.class.getName())
                .jvmArgsAppend(chronicleFlags)
                .build()).run();
    }
}
