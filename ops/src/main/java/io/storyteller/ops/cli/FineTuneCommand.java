package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code storyteller finetune request|list|show|cancel}: fine-tunings through a running server's
 * GraphQL API (platform admins), so the server checks, records and runs them like any other request.
 */
@Command(name = "finetune", mixinStandardHelpOptions = true,
        description = "Request, list, show and cancel fine-tunings through a running server (platform admins).",
        subcommands = {FineTuneCommand.Request.class, FineTuneCommand.ListFineTunings.class, FineTuneCommand.Show.class,
                FineTuneCommand.Cancel.class, CommandLine.HelpCommand.class})
public class FineTuneCommand {

    static final String FIELDS = """
            id status step backend useCase worldId margin base { modelId version } trainingStage
            hyperParameters { name value } dataset { exportId directory digest files { name records } }
            candidate { modelId version } metrics { name value }
            validation { validationId incumbent { modelId version } passed wins losses ties score margin promote reasons }
            reasons deploymentId rolloutId failure { step reason attempts }
            history { event step attempt detail at } requestedBy requestedAt updatedAt""";

    @Command(name = "request", description = "Request a fine-tuning of a registered version; prints its id.")
    static class Request implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Option(names = "--base", required = true, paramLabel = "MODEL_ID@VERSION", description = "the version trained from, e.g. house:detector@3")
        String base;
        @Option(names = "--use-case", required = true, description = "e.g. NARRATOR, DETECTOR, GUARDRAIL")
        String useCase;
        @Option(names = "--backend", required = true, description = "a training backend of the server, e.g. house, openai, command")
        String backend;
        @Option(names = {"-P", "--param"}, paramLabel = "NAME=VALUE", description = "a hyper-parameter, passed to the backend as given")
        Map<String, String> parameters = new LinkedHashMap<>();
        @Option(names = "--margin", description = "share of decided items by which the candidate must win, -1..1 (default: the server's)")
        Double margin;
        @Option(names = "--slot-world", description = "the world whose slot the candidate is for (default: the global slot)")
        String slotWorld;
        @Option(names = "--world", description = "export only these worlds' events (repeatable; default: all)")
        List<String> worlds = List.of();
        @Option(names = "--event-type", description = "record-yielding event types to use (repeatable; default: all)")
        List<String> eventTypes = List.of();
        @Option(names = "--dataset", description = "datasets to export, e.g. SFT, DETECTOR (repeatable; default: all)")
        List<String> datasets = List.of();
        @Option(names = "--from", description = "first global sequence whose events yield records")
        Long fromSequence;
        @Option(names = "--to", description = "last global sequence read")
        Long toSequence;
        @Option(names = "--holdout", defaultValue = "0.1", description = "share of stories in the holdout split (default: ${DEFAULT-VALUE})")
        double holdout;
        @Option(names = "--seed", defaultValue = "7", description = "seeds the split (default: ${DEFAULT-VALUE})")
        long seed;

        @Override
        public Integer call() {
            int at = base.lastIndexOf('@');
            if (at <= 0 || at == base.length() - 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--base is MODEL_ID@VERSION, e.g. house:detector@3");
            }
            Map<String, Object> dataset = new HashMap<>(Map.of("worldIds", worlds, "eventTypes", eventTypes, "holdout", holdout,
                    "seed", seed));
            if (!datasets.isEmpty()) {
                dataset.put("datasets", datasets.stream().map(String::toUpperCase).toList());
            }
            dataset.put("fromSequence", fromSequence);
            dataset.put("toSequence", toSequence);
            Map<String, Object> input = new HashMap<>();
            input.put("base", Map.of("modelId", base.substring(0, at), "version", base.substring(at + 1)));
            input.put("useCase", useCase.toUpperCase());
            input.put("backend", backend);
            input.put("dataset", dataset);
            input.put("hyperParameters", parameters.entrySet().stream().map(p -> Map.of("name", p.getKey(), "value", p.getValue())).toList());
            input.put("margin", margin);
            input.put("worldId", slotWorld);
            JsonNode requested = server.call("mutation($input: FineTuningInput!) { requestFineTuning(input: $input) { id status } }",
                    Map.of("input", input)).path("requestFineTuning");
            spec.commandLine().getOut().println(requested.path("id").asText() + " " + requested.path("status").asText());
            return 0;
        }
    }

    @Command(name = "list", description = "List the latest fine-tunings, newest first.")
    static class ListFineTunings implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Option(names = "--status", description = "only these, e.g. TRAINING, REJECTED")
        String status;
        @Option(names = "--first", defaultValue = "20", description = "how many (default: ${DEFAULT-VALUE})")
        int first;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("status", status == null ? null : status.toUpperCase());
            variables.put("first", first);
            JsonNode list = server.call("""
                    query($status: FineTuningStatus, $first: Int!) { fineTunings(status: $status, first: $first) {
                      id status step backend base { modelId version } candidate { modelId version } trainingStage requestedAt } }""",
                    variables).path("fineTunings");
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-40s %-16s %-9s %-10s %-36s %s%n", "ID", "STATUS", "STEP", "BACKEND", "BASE", "CANDIDATE / STAGE");
            list.forEach(f -> out.printf("%-40s %-16s %-9s %-10s %-36s %s%n", f.path("id").asText(), f.path("status").asText(),
                    f.path("step").asText(), f.path("backend").asText(), ref(f.path("base")),
                    f.path("candidate").isObject() ? ref(f.path("candidate")) : f.path("trainingStage").asText("")));
            return 0;
        }
    }

    @Command(name = "show", description = "Show a fine-tuning: its request, each step's result, validation and history.")
    static class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(paramLabel = "ID")
        String id;

        @Override
        public Integer call() {
            JsonNode fineTuning = server.call("query($id: ID!) { fineTuning(id: $id) { " + FIELDS + " } }", Map.of("id", id))
                    .path("fineTuning");
            if (fineTuning.isNull() || fineTuning.isMissingNode()) {
                spec.commandLine().getErr().println("no fine-tuning " + id);
                return 1;
            }
            spec.commandLine().getOut().println(server.pretty(fineTuning));
            return 0;
        }
    }

    @Command(name = "cancel", description = "Stop a fine-tuning that has not ended; a running training is interrupted.")
    static class Cancel implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(paramLabel = "ID")
        String id;
        @Option(names = "--reason")
        String reason;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", id);
            variables.put("reason", reason);
            JsonNode cancelled = server.call("mutation($id: ID!, $reason: String) { cancelFineTuning(id: $id, reason: $reason) { id status } }",
                    variables).path("cancelFineTuning");
            spec.commandLine().getOut().println(cancelled.path("id").asText() + " " + cancelled.path("status").asText());
            return 0;
        }
    }

    private static String ref(JsonNode ref) {
        return ref.path("modelId").asText() + "@" + ref.path("version").asText();
    }
}
