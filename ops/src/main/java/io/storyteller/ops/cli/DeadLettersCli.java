package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
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
 * {@code storyteller dead-letters list|show|retry|evict}: the processing groups' dead letters on a
 * running server, through its GraphQL API. Platform admins only (payloads may hold player text).
 */
@Command(name = "dead-letters", mixinStandardHelpOptions = true,
        description = "List, inspect, retry and evict dead letters through a running server.",
        subcommands = {DeadLettersCli.ListLetters.class, DeadLettersCli.Show.class, DeadLettersCli.Retry.class,
                DeadLettersCli.Evict.class, CommandLine.HelpCommand.class})
public class DeadLettersCli {

    @Command(name = "list", description = "Dead letters, oldest first.")
    static class ListLetters implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Option(names = "--group", description = "one processing group (default: all)")
        String group;
        @Option(names = "--first", defaultValue = "50", description = "at most this many (default: ${DEFAULT-VALUE})")
        int first;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("g", group);
            variables.put("n", first);
            JsonNode letters = server.call("""
                    query($g: String, $n: Int!) { deadLetters(processingGroup: $g, first: $n) { processingGroup sequence index
                      eventType causeType causeMessage enqueuedAt lastTouched } }""", variables).path("deadLetters");
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-22s %-40s %5s %-28s %-24s %s%n", "GROUP", "SEQUENCE", "INDEX", "EVENT", "ENQUEUED", "CAUSE");
            letters.forEach(l -> out.printf("%-22s %-40s %5d %-28s %-24s %s: %s%n", l.path("processingGroup").asText(),
                    l.path("sequence").asText(), l.path("index").asLong(), l.path("eventType").asText(),
                    l.path("enqueuedAt").asText(), l.path("causeType").asText("-"), l.path("causeMessage").asText("")));
            out.flush();
            return 0;
        }
    }

    @Command(name = "show", description = "One dead letter in full: payload, metadata, cause and diagnostics (JSON).")
    static class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;
        @Parameters(index = "1", paramLabel = "SEQUENCE")
        String sequence;
        @Option(names = "--index", description = "the letter's index in its sequence (default: the first)")
        Long index;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("g", group);
            variables.put("s", sequence);
            variables.put("i", index);
            JsonNode letter = server.call("""
                    query($g: String!, $s: String!, $i: Long) { deadLetter(processingGroup: $g, sequence: $s, index: $i) {
                      letter { processingGroup sequence index enqueuedAt lastTouched } eventIdentifier eventType eventTimestamp
                      aggregateType aggregateId aggregateSequence payload metadata causeType causeMessage diagnostics } }""",
                    variables).path("deadLetter");
            spec.commandLine().getOut().println(server.pretty(letter));
            spec.commandLine().getOut().flush();
            return letter.isNull() || letter.isMissingNode() ? 1 : 0;
        }
    }

    @Command(name = "retry", description = "Handle dead letters again: one sequence, or every sequence of the group.")
    static class Retry implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;
        @Parameters(index = "1", paramLabel = "SEQUENCE", arity = "0..1", description = "one sequence (default: all)")
        String sequence;

        @Override
        public Integer call() {
            Map<String, Object> variables = new HashMap<>();
            variables.put("g", group);
            variables.put("s", sequence);
            JsonNode retry = server.call("""
                    mutation($g: String!, $s: String) { retryDeadLetters(processingGroup: $g, sequence: $s) { sequencesTried
                      sequencesCleared sequencesRemaining } }""", variables).path("retryDeadLetters");
            spec.commandLine().getOut().printf("%s: tried %d sequences, cleared %d, %d remain dead-lettered%n", group,
                    retry.path("sequencesTried").asInt(), retry.path("sequencesCleared").asInt(),
                    retry.path("sequencesRemaining").asLong());
            spec.commandLine().getOut().flush();
            return retry.path("sequencesCleared").asInt() == retry.path("sequencesTried").asInt() ? 0 : 1;
        }
    }

    @Command(name = "evict", description = "Remove a sequence's dead letters without handling them.")
    static class Evict implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Parameters(index = "0", paramLabel = "GROUP")
        String group;
        @Parameters(index = "1", paramLabel = "SEQUENCE")
        String sequence;

        @Override
        public Integer call() {
            JsonNode eviction = server.call("""
                    mutation($g: String!, $s: String!) { evictDeadLetters(processingGroup: $g, sequence: $s) { lettersEvicted } }""",
                    Map.of("g", group, "s", sequence)).path("evictDeadLetters");
            spec.commandLine().getOut().printf("%s %s: evicted %d dead letters%n", group, sequence,
                    eviction.path("lettersEvicted").asInt());
            spec.commandLine().getOut().flush();
            return 0;
        }
    }
}
