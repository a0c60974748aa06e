package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code storyteller ollama pull|show|copy|delete|list}: Ollama model management through a running
 * server's GraphQL API, so every step is decided, recorded and registered there.
 */
@Command(name = "ollama", mixinStandardHelpOptions = true,
        description = "Manage the models of a configured Ollama endpoint through a running server.",
        subcommands = {OllamaCli.Pull.class, OllamaCli.Show.class, OllamaCli.Copy.class, OllamaCli.Delete.class,
                OllamaCli.ListModels.class, CommandLine.HelpCommand.class})
public class OllamaCli {

    /** What every subcommand needs: the server and the endpoint. */
    static class Target {
        @Mixin
        ServerConnection server;
        @Option(names = {"-e", "--endpoint"}, defaultValue = "ollama", description = "the Ollama endpoint's name (default: ${DEFAULT-VALUE})")
        String endpoint;
    }

    @Command(name = "pull", description = "Pull a model with a progress bar; it is registered as <endpoint>:<model>.")
    static class Pull implements Callable<Integer> {
        @Mixin
        Target target;
        @Parameters(paramLabel = "MODEL")
        String model;
        @Option(names = "--poll", defaultValue = "PT0.5S", converter = DurationConverter.class, description = "how often progress is asked")
        Duration poll;

        @Override
        public Integer call() throws InterruptedException {
            String pullId = target.server.call("mutation($e: String!, $m: String!) { pullOllamaModel(endpoint: $e, model: $m) { pullId } }",
                    Map.of("e", target.endpoint, "m", model)).path("pullOllamaModel").path("pullId").asText();
            try (ProgressBar bar = new ProgressBarBuilder().setTaskName(model).setStyle(ProgressBarStyle.ASCII)
                    .setUnit(" MB", 1024 * 1024).setInitialMax(1).build()) {
                while (true) {
                    JsonNode pull = target.server.call("""
                            query($id: ID!) { ollamaPull(pullId: $id) { status statusText completedBytes totalBytes reason
                              registered { modelId version } } }""", Map.of("id", pullId)).path("ollamaPull");
                    long total = pull.path("totalBytes").asLong(0);
                    if (total > 0) {
                        bar.maxHint(total);
                        bar.stepTo(pull.path("completedBytes").asLong(0));
                    }
                    bar.setExtraMessage(pull.path("statusText").asText(""));
                    switch (pull.path("status").asText()) {
                        case "COMPLETED" -> {
                            bar.close();
                            System.out.println("registered " + pull.path("registered").path("modelId").asText() + "@"
                                    + pull.path("registered").path("version").asText());
                            return 0;
                        }
                        case "FAILED" -> {
                            bar.close();
                            System.err.println("pull failed: " + pull.path("reason").asText());
                            return 1;
                        }
                        default -> Thread.sleep(poll.toMillis());
                    }
                }
            }
        }
    }

    @Command(name = "show", description = "Show a model's Modelfile, parameters, template, details and license.")
    static class Show implements Callable<Integer> {
        @Mixin
        Target target;
        @Parameters(paramLabel = "MODEL")
        String model;

        @Override
        public Integer call() {
            JsonNode shown = target.server.call("""
                    query($e: String!, $m: String!) { ollamaShow(endpoint: $e, model: $m) { name family parameterSize
                      quantization format capabilities contextLength license parameters template modelfile } }""",
                    Map.of("e", target.endpoint, "m", model));
            System.out.println(target.server.pretty(shown.path("ollamaShow")));
            return 0;
        }
    }

    @Command(name = "copy", description = "Copy a registered model version under a use-case name, with lineage to it.")
    static class Copy implements Callable<Integer> {
        @Mixin
        ServerConnection server;
        @Parameters(index = "0", paramLabel = "MODEL_ID", description = "the source's registry id, e.g. ollama:llama3.2:1b")
        String modelId;
        @Parameters(index = "1", paramLabel = "VERSION")
        String version;
        @Parameters(index = "2", paramLabel = "NAME", description = "the copy's name, e.g. narrator-noir")
        String name;

        @Override
        public Integer call() {
            JsonNode copy = server.call("""
                    mutation($s: ModelRefInput!, $n: String!) { copyModel(source: $s, name: $n) { copy { modelId version } method } }""",
                    Map.of("s", Map.of("modelId", modelId, "version", version), "n", name)).path("copyModel");
            System.out.println("copied as " + copy.path("copy").path("modelId").asText() + "@" + copy.path("copy").path("version").asText()
                    + " (" + copy.path("method").asText() + ")");
            return 0;
        }
    }

    @Command(name = "delete", description = "Delete a model from the endpoint's server and retire it in the registry.")
    static class Delete implements Callable<Integer> {
        @Mixin
        Target target;
        @Parameters(paramLabel = "MODEL")
        String model;

        @Override
        public Integer call() {
            target.server.call("mutation($e: String!, $m: String!) { deleteOllamaModel(endpoint: $e, model: $m) { modelId } }",
                    Map.of("e", target.endpoint, "m", model));
            System.out.println("deleted " + model + " from " + target.endpoint);
            return 0;
        }
    }

    @Command(name = "list", description = "List the models the endpoint's server holds.")
    static class ListModels implements Callable<Integer> {
        @Mixin
        Target target;

        @Override
        public Integer call() {
            JsonNode models = target.server.call("""
                    query($e: String!) { ollamaModels(endpoint: $e) { name sizeBytes parameterSize quantization digest } }""",
                    Map.of("e", target.endpoint)).path("ollamaModels");
            System.out.printf("%-40s %10s %8s %-10s %s%n", "NAME", "SIZE (MB)", "PARAMS", "QUANT", "ID");
            models.forEach(m -> System.out.printf("%-40s %10d %8s %-10s %s%n", m.path("name").asText(),
                    m.path("sizeBytes").asLong() / (1024 * 1024), m.path("parameterSize").asText("-"),
                    m.path("quantization").asText("-"), m.path("digest").asText("").replaceFirst("^sha256:", "")
                            .substring(0, Math.min(12, m.path("digest").asText("").replaceFirst("^sha256:", "").length()))));
            return 0;
        }
    }
}
