package cluster.core;

import cluster.driver.DriverCore;
import cluster.executor.ExecutorCore;
import cluster.master.MasterCore;
import cluster.worker.WorkerCore;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One name from spec to code: every spec action a process performs has a handler named after it in
 * lowerCamelCase (MasterHandleRegisterWorker → masterHandleRegisterWorker) in the cores, and every trace
 * event a core emits names a spec action.
 */
class SpecNamesTest {
    /** Steps of the environment, not of a core: the coordination service, crashes, the network. */
    private static final Set<String> ENVIRONMENT = Set.of("ZkSessionExpiredOfDownLeader", "ZkSessionExpiredOfLiveLeader",
            "MasterCrash", "WorkerCrash", "NetDrop");
    /**
     * Spec actions split by a fact no process can see, handled by the handler of their disjunction (a heartbeat
     * timeout of a dead or a live worker; a client giving up on a master that is gone or, as a fault, still leads).
     */
    private static final java.util.Map<String, String> SPLIT_BY_ENVIRONMENT = java.util.Map.of(
            "MasterWorkerTimeoutOfDeadWorker", "masterWorkerTimeout",
            "MasterWorkerTimeoutOfLiveWorker", "masterWorkerTimeout",
            "WorkerSuspectsLiveMaster", "workerSendRegisterWorker",
            "DriverSuspectsLiveMaster", "driverSendRegisterApplication");
    private static final Path CORE_SOURCES = Path.of("src", "main", "java", "cluster");
    private static final Pattern TRACED = Pattern.compile("\\.action\\(\"([A-Za-z]+)\"\\)");

    @Test
    void every_spec_action_of_a_process_has_a_handler_of_the_same_name() {
        Set<String> handlers = new TreeSet<>();
        for (Class<?> owner : handlerClasses()) {
            for (Method m : owner.getDeclaredMethods()) {
                handlers.add(m.getName());
            }
        }
        Set<String> missing = new TreeSet<>();
        for (String action : SpecActions.nextActions()) {
            if (ENVIRONMENT.contains(action)) {
                continue;
            }
            String name = SPLIT_BY_ENVIRONMENT.getOrDefault(action, lowerCamel(action));
            if (!handlers.contains(name)) {
                missing.add(action + " -> " + name);
            }
        }
        assertEquals(Set.of(), missing, "spec actions without a handler");
    }

    @Test
    void every_traced_action_name_is_a_spec_action_and_every_process_action_is_traced() throws IOException {
        Set<String> traced = tracedNames();
        Set<String> unknown = new TreeSet<>(traced);
        unknown.removeAll(SpecActions.traceableActions());
        assertEquals(Set.of(), unknown, "trace events naming no spec action");
        Set<String> untraced = new TreeSet<>(SpecActions.nextActions());
        untraced.removeAll(ENVIRONMENT);
        untraced.removeAll(SPLIT_BY_ENVIRONMENT.keySet());
        untraced.removeAll(traced);
        assertEquals(Set.of(), untraced, "spec actions no core traces");
    }

    @Test
    void the_spec_lists_the_actions_this_test_expects() {
        assertTrue(SpecActions.nextActions().contains("MasterHandleRegisterWorker"));
        assertTrue(SpecActions.traceableActions().contains("MasterWorkerTimeout"));
    }

    static String lowerCamel(String action) {
        return Character.toLowerCase(action.charAt(0)) + action.substring(1);
    }

    private static Set<String> tracedNames() throws IOException {
        Set<String> names = new TreeSet<>();
        for (Path file : coreSourceFiles()) {
            Matcher m = TRACED.matcher(Files.readString(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    static java.util.List<Path> coreSourceFiles() throws IOException {
        java.util.List<Path> files = new ArrayList<>();
        for (String pkg : CoreStyleTest.CORE_PACKAGES) {
            try (Stream<Path> paths = Files.list(CORE_SOURCES.resolve(pkg))) {
                paths.filter(p -> p.toString().endsWith(".java")).sorted().forEach(files::add);
            }
        }
        return files;
    }

    private static java.util.List<Class<?>> handlerClasses() {
        java.util.List<Class<?>> classes = new ArrayList<>();
        for (Class<?> core : java.util.List.of(MasterCore.class, WorkerCore.class, DriverCore.class, ExecutorCore.class)) {
            String pkg = core.getPackageName();
            try (Stream<Path> paths = Files.list(CORE_SOURCES.resolve(pkg.substring("cluster.".length())))) {
                paths.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".java"))
                        .map(n -> pkg + "." + n.substring(0, n.length() - ".java".length()))
                        .forEach(n -> classes.add(load(n)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return classes;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
