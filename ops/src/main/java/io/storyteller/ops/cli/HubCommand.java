package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
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
 * {@code storyteller hub search|files|acquire|acquisitions|candidates}: Hugging Face acquisition
 * through a running server's GraphQL API, so every step is decided and recorded there. Platform
 * admins only, as the API.
 */
@Command(name = "hub", mixinStandardHelpOptions = true,
        description = "Search the Hugging Face Hub, acquire models and follow acquisitions through a running server.",
        subcommands = {HubCommand.Search.class, HubCommand.Files.class, HubCommand.Acquire.class,
                HubCommand.Acquisitions.class, HubCommand.Candidates.class, CommandLine.HelpCommand.class})
public class HubCommand {

    private static final String ACQUISITION = """
            query($id: ID!) { acquisition(id: $id) { acquisitionId repo revision commit useCase status license digest
              totalBytes model { modelId version } steps { step state at } failedStep failureReason lastSetback
              validation { validationId passed wins losses ties reasons } files { path sizeBytes sha256 } } }""";

    @Command(name = "search", description = "Hub models ranked for acquisition (evaluated and eligible first).")
    static class Search implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(paramLabel = "TEXT", arity = "0..1", description = "words in the repository id")
        String text;
        @Option(names = "--task", description = "a pipeline tag, e.g. text-generation")
        String task;
        @Option(names = "--first", defaultValue = "20", description = "at most this many (default: ${DEFAULT-VALUE})")
        int first;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("s", text);
            variables.put("t", task);
            variables.put("n", first);
            JsonNode found = server.call("""
                    query($s: String, $t: String, $n: Int!) { hubModels(search: $s, task: $t, first: $n) { rank repo
                      license sizeBytes downloads evaluationScore licenseAllowed withinSizeLimit } }""", variables)
                    .path("hubModels");
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%4s  %-45s %-14s %10s %10s %6s  %s%n", "RANK", "REPO", "LICENSE", "SIZE (MB)", "DOWNLOADS",
                    "SCORE", "ELIGIBLE");
            found.forEach(m -> out.printf("%4d  %-45s %-14s %10s %10d %6s  %s%n", m.path("rank").asInt(),
                    m.path("repo").asText(), m.path("license").asText("-"), megabytes(m.path("sizeBytes")),
                    m.path("downloads").asLong(), m.path("evaluationScore").isNumber()
                            ? String.format("%.2f", m.path("evaluationScore").asDouble()) : "-",
                    eligibility(m)));
            out.flush();
            return 0;
        }
    }

    @Command(name = "files", description = "A repository's files at a revision, with the commit it resolves to.")
    static class Files implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(paramLabel = "REPO", description = "owner/name")
        String repo;
        @Option(names = "--revision", description = "branch, tag or commit (default: main)")
        String revision;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("r", repo);
            variables.put("v", revision);
            JsonNode files = server.call("""
                    query($r: String!, $v: String) { hubFiles(repo: $r, revision: $v) { repo revision commit license
                      gated totalBytes files { path sizeBytes sha256 } } }""", variables).path("hubFiles");
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%s@%s = %s  license %s%s, %s MB%n", files.path("repo").asText(), files.path("revision").asText(),
                    files.path("commit").asText(), files.path("license").asText("-"),
                    files.path("gated").asBoolean() ? ", gated" : "", megabytes(files.path("totalBytes")));
            files.path("files").forEach(f -> out.printf("  %12d  %s%s%n", f.path("sizeBytes").asLong(),
                    f.path("path").asText(), f.path("sha256").isTextual() ? "  (lfs)" : ""));
            out.flush();
            return 0;
        }
    }

    @Command(name = "acquire", description = "Acquire a repository: download, verify, register, validate. "
            + "With --wait, follows it to its end (exit 1 when it failed).")
    static class Acquire implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(paramLabel = "REPO", description = "owner/name")
        String repo;
        @Option(names = "--revision", description = "branch, tag or commit (default: main)")
        String revision;
        @Option(names = "--use-case", description = "the slot it is meant for, e.g. NARRATOR; its validation compares with that slot's model")
        String useCase;
        @Option(names = "--wait", description = "follow the acquisition until it completes or fails")
        boolean await;
        @Option(names = "--poll", defaultValue = "PT1S", converter = DurationConverter.class,
                description = "how often a followed acquisition is asked about (default: ${DEFAULT-VALUE})")
        Duration poll;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, Object> variables = new HashMap<>();
            variables.put("r", repo);
            variables.put("v", revision);
            variables.put("u", useCase == null ? null : useCase.toUpperCase());
            String id = server.call("mutation($r: String!, $v: String, $u: UseCase) { acquireHubModel(repo: $r, revision: $v, useCase: $u) }",
                    variables).path("acquireHubModel").asText();
            PrintWriter out = spec.commandLine().getOut();
            out.println("acquisition " + id);
            out.flush();
            if (!await) {
                return 0;
            }
            String shown = "";
            while (true) {
                JsonNode acquisition = server.call(ACQUISITION, Map.of("id", id)).path("acquisition");
                String steps = steps(acquisition);
                if (!steps.equals(shown)) {
                    out.println("  " + steps);
                    out.flush();
                    shown = steps;
                }
                switch (acquisition.path("status").asText()) {
                    case "COMPLETED" -> {
                        out.println("registered " + acquisition.path("model").path("modelId").asText() + "@"
                                + acquisition.path("model").path("version").asText());
                        out.flush();
                        return 0;
                    }
                    case "FAILED" -> {
                        spec.commandLine().getErr().println("acquisition failed at " + acquisition.path("failedStep").asText()
                                + ": " + acquisition.path("failureReason").asText());
                        spec.commandLine().getErr().flush();
                        return 1;
                    }
                    default -> Thread.sleep(poll.toMillis());
                }
            }
        }
    }

    @Command(name = "acquisitions", description = "The latest acquisitions, or one acquisition in full when its id is given.")
    static class Acquisitions implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(paramLabel = "ID", arity = "0..1", description = "an acquisition id: show it in full")
        String id;
        @Option(names = "--status", description = "IN_PROGRESS, COMPLETED or FAILED")
        String status;
        @Option(names = "--first", defaultValue = "20", description = "at most this many (default: ${DEFAULT-VALUE})")
        int first;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            if (id != null) {
                JsonNode acquisition = server.call(ACQUISITION, Map.of("id", id)).path("acquisition");
                if (acquisition.isMissingNode() || acquisition.isNull()) {
                    spec.commandLine().getErr().println("no acquisition " + id);
                    spec.commandLine().getErr().flush();
                    return 1;
                }
                out.println(server.pretty(acquisition));
                out.flush();
                return 0;
            }
            Map<String, Object> variables = new HashMap<>();
            variables.put("s", status == null ? null : status.toUpperCase());
            variables.put("n", first);
            JsonNode list = server.call("""
                    query($s: AcquisitionStatus, $n: Int!) { acquisitions(status: $s, first: $n) { acquisitionId repo
                      status useCase requestedAt steps { step state } validation { passed } } }""", variables)
                    .path("acquisitions");
            out.printf("%-50s %-40s %-12s %-10s %-8s %s%n", "ID", "REPO", "STATUS", "USE CASE", "PASSED", "STEPS");
            list.forEach(a -> out.printf("%-50s %-40s %-12s %-10s %-8s %s%n", a.path("acquisitionId").asText(),
                    a.path("repo").asText(), a.path("status").asText(), a.path("useCase").asText("-"),
                    a.path("validation").path("passed").isBoolean() ? a.path("validation").path("passed").asText() : "-",
                    steps(a)));
            out.flush();
            return 0;
        }
    }

    @Command(name = "candidates", description = "The acquired models for a use case, best first (validation within the license and size limits).")
    static class Candidates implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(paramLabel = "USE_CASE", description = "e.g. NARRATOR, DETECTOR")
        String useCase;

        @Override
        public Integer call() {
            JsonNode list = server.call("""
                    query($u: UseCase!) { acquiredCandidates(useCase: $u) { rank repo model { modelId version } license
                      passed wins losses ties licenseAllowed withinSizeLimit } }""", Map.of("u", useCase.toUpperCase()))
                    .path("acquiredCandidates");
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%4s  %-45s %-8s %5s %6s %5s  %s%n", "RANK", "REPO", "PASSED", "WINS", "LOSSES", "TIES", "ELIGIBLE");
            list.forEach(c -> out.printf("%4d  %-45s %-8s %5d %6d %5d  %s%n", c.path("rank").asInt(), c.path("repo").asText(),
                    c.path("passed").isBoolean() ? c.path("passed").asText() : "-", c.path("wins").asInt(),
                    c.path("losses").asInt(), c.path("ties").asInt(), eligibility(c)));
            out.flush();
            return 0;
        }
    }

    /** {@code DOWNLOAD:DONE VERIFY:DONE REGISTER:PENDING EVALUATE:PENDING}. */
    static String steps(JsonNode acquisition) {
        StringBuilder steps = new StringBuilder();
        acquisition.path("steps").forEach(s -> steps.append(steps.isEmpty() ? "" : " ")
                .append(s.path("step").asText()).append(':').append(s.path("state").asText()));
        return steps.toString();
    }

    private static String eligibility(JsonNode candidate) {
        if (!candidate.path("licenseAllowed").asBoolean()) {
            return "no (license)";
        }
        return candidate.path("withinSizeLimit").asBoolean() ? "yes" : "no (size)";
    }

    private static String megabytes(JsonNode bytes) {
        return bytes.isNumber() ? String.format("%.1f", bytes.asLong() / (1024.0 * 1024.0)) : "-";
    }
}
