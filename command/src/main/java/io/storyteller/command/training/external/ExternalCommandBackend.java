package io.storyteller.command.training.external;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.storyteller.command.training.TrainingBackend;
import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import io.storyteller.command.training.TrainingProgress;
import io.storyteller.command.training.TrainingSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Hands the dataset to a configured training program and takes what it writes as the new version:
 * the program runs in the job's output directory and must leave the model's files there, with an
 * optional {@code metrics.json} of numbers (loss, accuracy, …). Its log goes beside the output
 * directory ({@code <output>.log}), and so does the hyper-parameters file it is given.
 */
public class ExternalCommandBackend implements TrainingBackend {

    public static final String NAME = "command";
    static final String METRICS_FILE = "metrics.json";

    private final ExternalCommandProperties properties;
    private final ObjectMapper json = new ObjectMapper();

    public ExternalCommandBackend(ExternalCommandProperties properties) {
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public TrainingSupport supports(TrainingJob job) {
        if (!properties.configured()) {
            return TrainingSupport.no("no training program is configured (storyteller.training.command.program)");
        }
        if (!properties.useCases().isEmpty() && !properties.useCases().contains(job.useCase().name())) {
            return TrainingSupport.no("the training program trains " + String.join(", ", properties.useCases())
                    + ", not " + job.useCase().name() + " (storyteller.training.command.use-cases)");
        }
        Path program = Path.of(properties.program());
        if (program.isAbsolute() && !Files.isExecutable(program)) {
            return TrainingSupport.no("the training program " + program + " is missing or not executable");
        }
        return TrainingSupport.yes();
    }

    @Override
    public TrainingOutcome train(TrainingJob job, TrainingProgress progress) {
        TrainingSupport support = supports(job);
        if (!support.supported()) {
            throw new TrainingFailedException(support.reason());
        }
        Path output = job.outputDirectory().toAbsolutePath();
        String stem = output.getFileName().toString();
        Path parameters = output.resolveSibling(stem + ".hyperparameters.json");
        Path log = output.resolveSibling(stem + ".log");
        try {
            Files.createDirectories(output);
            json.writeValue(parameters.toFile(), job.hyperParameters());
        } catch (IOException e) {
            throw new TrainingFailedException("cannot prepare the output directory " + stem);
        }
        progress.report("training", -1);
        long started = System.nanoTime();
        TrainingProgramRun.run(command(job, output, parameters), output, environment(job, output, parameters),
                properties.timeout(), log, properties.logLimit().toBytes());
        Map<String, Double> metrics = new LinkedHashMap<>(metrics(output));
        requireModelFiles(output);
        metrics.putIfAbsent("seconds", (System.nanoTime() - started) / 1e9);
        progress.report("trained", 1.0);
        return new TrainingOutcome(null, output, null, metrics, null);
    }

    private List<String> command(TrainingJob job, Path output, Path parameters) {
        Map<String, String> values = placeholders(job, output, parameters);
        List<String> command = new ArrayList<>(List.of(properties.program()));
        for (String arg : properties.args()) {
            String replaced = arg;
            for (Map.Entry<String, String> value : values.entrySet()) {
                replaced = replaced.replace("{" + value.getKey() + "}", value.getValue());
            }
            command.add(replaced);
        }
        return command;
    }

    /** The placeholders' values, also handed over as {@code STORYTELLER_*} variables. */
    private static Map<String, String> placeholders(TrainingJob job, Path output, Path parameters) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("dataset", job.datasetDirectory().toAbsolutePath().toString());
        values.put("output", output.toString());
        values.put("hyperparameters", parameters.toString());
        values.put("useCase", job.useCase().name());
        values.put("baseModel", job.base().modelId());
        values.put("baseVersion", job.base().version());
        return values;
    }

    private Map<String, String> environment(TrainingJob job, Path output, Path parameters) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String name : properties.passEnvironment()) {
            String value = System.getenv(name);
            if (value != null) {
                environment.put(name, value);
            }
        }
        environment.putAll(properties.environment());
        placeholders(job, output, parameters).forEach((name, value) ->
                environment.put("STORYTELLER_" + name.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase(), value));
        return environment;
    }

    /** The numbers of {@code metrics.json} at its top level; other values are not metrics and are left out. */
    private Map<String, Double> metrics(Path output) {
        Path file = output.resolve(METRICS_FILE);
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonNode tree;
        try {
            tree = json.readTree(file.toFile());
        } catch (IOException e) {
            throw new TrainingFailedException("the training program's " + METRICS_FILE + " is not valid JSON");
        }
        if (tree == null || !tree.isObject()) {
            throw new TrainingFailedException("the training program's " + METRICS_FILE + " is not a JSON object");
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        tree.properties().forEach(field -> {
            if (field.getValue().isNumber()) {
                metrics.put(field.getKey(), field.getValue().asDouble());
            }
        });
        return metrics;
    }

    private static void requireModelFiles(Path output) {
        try (Stream<Path> files = Files.walk(output)) {
            boolean any = files.filter(Files::isRegularFile)
                    .anyMatch(file -> !file.equals(output.resolve(METRICS_FILE)));
            if (!any) {
                throw new TrainingFailedException("the training program exited with 0 but wrote no model files into "
                        + output.getFileName());
            }
        } catch (IOException e) {
            throw new TrainingFailedException("cannot read the output directory " + output.getFileName());
        }
    }
}
