package cluster.tracecheck;

import java.nio.file.Path;

class DumpBroken {
    public static void main(String[] args) throws Exception {
        Path src = Path.of(args[0]);
        TraceEdit edit = TraceEdit.of(src);
        cluster.trace.TraceEntry schedule = edit.first("m1", "MasterSchedule");
        java.lang.reflect.Method m = BrokenTracesTest.class.getDeclaredMethod("rebook", cluster.trace.TraceEntry.class,
                String.class, int.class, String.class);
        m.setAccessible(true);
        edit.replace(schedule, e -> {
            try {
                return (cluster.trace.TraceEntry) m.invoke(null, e, "w1", 2, null);
            } catch (Exception x) {
                throw new RuntimeException(x);
            }
        });
        edit.writeTo(Path.of(args[1]));
    }
}
