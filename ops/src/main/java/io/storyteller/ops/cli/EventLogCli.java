package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storyteller events}: the audit explorer of a running server, a page at a time (the last
 * line names the cursor of the next page). Platform admins only (payloads may hold player text).
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Browse the event log by aggregate, type and time through a running server.")
public class EventLogCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ServerConnection server;
    @Option(names = "--aggregate", description = "an aggregate's id, e.g. a story's")
    String aggregateId;
    @Option(names = "--aggregate-type", description = "e.g. Story, World, Model, Deployment, OperatorAction")
    String aggregateType;
    @Option(names = "--type", description = "an event type, simple (StoryStarted) or full class name")
    String eventType;
    @Option(names = "--from", description = "at or after this ISO-8601 instant")
    Instant from;
    @Option(names = "--to", description = "before this ISO-8601 instant")
    Instant to;
    @Option(names = "--first", defaultValue = "20", description = "page size (default: ${DEFAULT-VALUE})")
    int first;
    @Option(names = "--after", description = "the cursor of the previous page's last entry")
    String after;
    @Option(names = "--oldest-first", description = "oldest first (default: newest first)")
    boolean oldestFirst;
    @Option(names = "--payloads", description = "print each event's payload (JSON)")
    boolean payloads;

    @Override
    public Integer call() {
        Map<String, Object> filter = new HashMap<>();
        filter.put("aggregateId", aggregateId);
        filter.put("aggregateType", aggregateType);
        filter.put("eventType", eventType);
        filter.put("from", from == null ? null : from.toString());
        filter.put("to", to == null ? null : to.toString());
        Map<String, Object> variables = new HashMap<>();
        variables.put("f", filter);
        variables.put("n", first);
        variables.put("a", after);
        variables.put("o", oldestFirst ? "OLDEST_FIRST" : "NEWEST_FIRST");
        JsonNode page = server.call("""
                query($f: EventLogFilter, $n: Int!, $a: String, $o: EventLogOrder!) { eventLog(filter: $f, first: $n, after: $a, order: $o) {
                  edges { cursor node { globalIndex aggregateId aggregateType aggregateSequence eventType timestamp payload } }
                  pageInfo { hasNextPage endCursor } } }""", variables).path("eventLog");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%10s  %-24s %-14s %-40s %5s  %s%n", "INDEX", "TIME", "AGGREGATE", "ID", "SEQ", "EVENT");
        page.path("edges").forEach(edge -> {
            JsonNode e = edge.path("node");
            out.printf("%10d  %-24s %-14s %-40s %5d  %s%n", e.path("globalIndex").asLong(), e.path("timestamp").asText(),
                    e.path("aggregateType").asText("-"), e.path("aggregateId").asText(), e.path("aggregateSequence").asLong(),
                    e.path("eventType").asText());
            if (payloads) {
                out.println("            " + e.path("payload").asText());
            }
        });
        if (page.path("pageInfo").path("hasNextPage").asBoolean()) {
            out.println("more: --after " + page.path("pageInfo").path("endCursor").asText());
        }
        out.flush();
        return 0;
    }
}
