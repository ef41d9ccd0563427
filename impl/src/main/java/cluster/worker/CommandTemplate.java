package cluster.worker;

import java.util.ArrayList;
import java.util.List;

/**
 * Fills in an app's executor command template as Spark's ExecutorRunner does: an argument that is
 * exactly {@code {{EXECUTOR_ID}}}, {@code {{HOSTNAME}}}, {@code {{CORES}}}, {@code {{APP_ID}}} or
 * {@code {{WORKER_URL}}} is replaced whole; any other argument is left as it is.
 */
final class CommandTemplate {
    private CommandTemplate() {
    }

    static List<String> fill(List<String> template, String appId, int execId, int cores, String hostname,
            String workerUrl) {
        List<String> command = new ArrayList<>(template.size());
        for (String argument : template) {
            command.add(switch (argument) {
                case "{{EXECUTOR_ID}}" -> Integer.toString(execId);
                case "{{HOSTNAME}}" -> hostname;
                case "{{CORES}}" -> Integer.toString(cores);
                case "{{APP_ID}}" -> appId;
                case "{{WORKER_URL}}" -> workerUrl;
                default -> argument;
            });
        }
        return command;
    }
}
