package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code storyteller validate run|list|suites}: validates a candidate model version against the
 * incumbent through a running server's GraphQL API (platform admins), and reads the results.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Validate a candidate model version against the incumbent through a running server.",
        subcommands = {ValidateCommand.Run.class, ValidateCommand.ListValidations.class, ValidateCommand.Suites.class,
                CommandLine.HelpCommand.class})
public class ValidateCommand {

    private static final String VALIDATION = """
            validationId suite passed wins losses ties reasons candidate { modelId version } incumbent { modelId version }
            gates { metric candidate incumbent threshold higherIsBetter passed }
            examples { outcome input candidateAnswer incumbentAnswer candidateScore incumbentScore }""";

    @Command(name = "run", description = "Validate MODEL_ID@VERSION; with --wait, wait for the result and exit 1 when it failed.")
    static class Run implements Callable<Integer> {
        @Mixin
        ServerConnection server;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "MODEL_ID")
        String modelId;
        @Parameters(index = "1", paramLabel = "VERSION")
        String version;
        @Option(names = {"-u", "--use-case"}, required = true, description = "NARRATOR, DETECTOR, GUARDRAIL…")
        String useCase;
        @Option(names = "--incumbent", paramLabel = "MODEL_ID@VERSION", description = "default: what the use case's slot serves")
        String incumbent;
        @Option(names = "--suite", description = "default: the use case's default suite")
        String suite;
        @Option(names = "--world", description = "whose recorded turns and slot to use")
        String worldId;
        @Option(names = "--dataset-file", paramLabel = "PATH", description = "measure on this labelled JSONL file "
                + "(relative to the data directory, e.g. a corpus export's ratings.holdout.jsonl) instead of the suite's items")
        String datasetFile;
        @Option(names = "--limit", defaultValue = "10000", description = "at most this many lines of --dataset-file")
        int limit;
        @Option(names = "--wait", description = "wait for the result and print it")
        boolean await;
        @Option(names = "--poll", defaultValue = "PT1S", converter = DurationConverter.class, description = "how often the result is asked")
        Duration poll;
        @Option(names = "--timeout", defaultValue = "PT30M", converter = DurationConverter.class)
        Duration timeout;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> input = new HashMap<>();
            input.put("candidate", Map.of("modelId", modelId, "version", version));
            input.put("useCase", useCase.toUpperCase(java.util.Locale.ROOT));
            if (incumbent != null) {
                int at = incumbent.lastIndexOf('@');
                if (at <= 0 || at == incumbent.length() - 1) {
                    throw new CommandLine.ParameterException(spec.commandLine(), "--incumbent is MODEL_ID@VERSION");
                }
                input.put("incumbent", Map.of("modelId", incumbent.substring(0, at), "version", incumbent.substring(at + 1)));
            }
            input.put("suite", suite);
            input.put("worldId", worldId);
            if (datasetFile != null) {
                input.put("dataset", Map.of("kind", "FILE", "source", datasetFile, "limit", limit));
            }
            String validationId = server.call("mutation($i: ValidateCandidateInput!) { validateCandidate(input: $i) }",
                    Map.of("i", input)).path("validateCandidate").asText();
            PrintWriter out = spec.commandLine().getOut();
            out.println("validation " + validationId + " started");
            if (!await) {
                out.flush();
                return 0;
            }
            long until = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < until) {
                for (JsonNode validation : validations(server, modelId, version)) {
                    if (validation.path("validationId").asText().equals(validationId)) {
                        out.println(server.pretty(validation));
                        out.flush();
                        return validation.path("passed").asBoolean() ? 0 : 1;
                    }
                }
                Thread.sleep(poll.toMillis());
            }
            spec.commandLine().getErr().println("no result for " + validationId + " within " + timeout);
            return 2;
        }
    }

    @Command(name = "list", description = "List the validations recorded on a model (of one version when given).")
    static class ListValidations implements Callable<Integer> {
        @Mixin
        ServerConnection server;
        @Spec
        CommandSpec spec;
        @Parameters(index = "0", paramLabel = "MODEL_ID")
        String modelId;
        @Parameters(index = "1", paramLabel = "VERSION", arity = "0..1")
        String version;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-44s %-10s %-20s %-8s %5s %6s %5s%n", "VALIDATION", "VERSION", "SUITE", "PASSED", "WINS", "LOSSES", "TIES");
            for (JsonNode v : validations(server, modelId, version)) {
                out.printf("%-44s %-10s %-20s %-8s %5d %6d %5d%n", v.path("validationId").asText(),
                        v.path("candidate").path("version").asText(), v.path("suite").asText(), v.path("passed").asBoolean(),
                        v.path("wins").asInt(), v.path("losses").asInt(), v.path("ties").asInt());
                v.path("reasons").forEach(reason -> out.println("    " + reason.asText()));
            }
            out.flush();
            return 0;
        }
    }

    @Command(name = "suites", description = "List the evaluation suites, defined and built-in.")
    static class Suites implements Callable<Integer> {
        @Mixin
        ServerConnection server;
        @Spec
        CommandSpec spec;
        @Option(names = {"-u", "--use-case"})
        String useCase;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("u", useCase == null ? null : useCase.toUpperCase(java.util.Locale.ROOT));
            JsonNode suites = server.call("""
                    query($u: UseCase) { evaluationSuites(useCase: $u) { name useCase builtIn tieMargin
                      dataset { kind source worldId limit } metrics { metric threshold higherIsBetter margin } } }""",
                    variables).path("evaluationSuites");
            PrintWriter out = spec.commandLine().getOut();
            for (JsonNode suite : suites) {
                JsonNode dataset = suite.path("dataset");
                out.printf("%s (%s%s): %s %s, limit %d, tie margin %s%n", suite.path("name").asText(),
                        suite.path("useCase").asText(), suite.path("builtIn").asBoolean() ? ", built-in" : "",
                        dataset.path("kind").asText(), dataset.path("source").asText(dataset.path("worldId").asText("all worlds")),
                        dataset.path("limit").asInt(), suite.path("tieMargin").asText());
                suite.path("metrics").forEach(m -> out.printf("    %-32s %s %s%n", m.path("metric").asText(),
                        m.path("higherIsBetter").asBoolean() ? ">=" : "<=",
                        m.path("threshold").isNull() ? "(vs incumbent)" : m.path("threshold").asText()));
            }
            out.flush();
            return 0;
        }
    }

    static Iterable<JsonNode> validations(ServerConnection server, String modelId, String version) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("m", modelId);
        variables.put("v", version);
        return server.call("query($m: ID!, $v: String) { modelValidations(modelId: $m, version: $v) { " + VALIDATION + " } }",
                variables).path("modelValidations");
    }
}
