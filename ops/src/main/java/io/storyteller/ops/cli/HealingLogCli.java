package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storyteller healing-log}: what a running server healed on its own, newest first. Platform admins only. */
@Command(name = "healing-log", mixinStandardHelpOptions = true,
        description = "What the platform healed on its own (failovers, dead-letter retries and give-ups, processor restarts), newest first.")
public class HealingLogCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ServerConnection server;
    @Option(names = "--first", defaultValue = "20", description = "at most this many (default: ${DEFAULT-VALUE})")
    int first;
    @Option(names = "--after", description = "the cursor of the last action shown, to read older ones")
    String after;
    @Option(names = "--kind", description = "only this kind: FAILOVER, DEAD_LETTER_RETRY, DEAD_LETTER_GIVEN_UP or PROCESSOR_RESTART")
    String kind;

    @Override
    public Integer call() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("n", first);
        variables.put("a", after);
        variables.put("k", kind == null ? null : kind.toUpperCase(java.util.Locale.ROOT));
        JsonNode actions = server.call("""
                query($n: Int!, $a: String, $k: HealingKind) { healingActions(first: $n, after: $a, kind: $k) { cursor kind
                  subject detail outcome occurrences at } }""", variables).path("healingActions");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-20s %-8s %5s %-44s %s%n", "AT", "KIND", "OUTCOME", "TIMES", "SUBJECT", "DETAIL");
        actions.forEach(a -> out.printf("%-24s %-20s %-8s %5d %-44s %s%n", a.path("at").asText(), a.path("kind").asText(),
                a.path("outcome").asText(), a.path("occurrences").asInt(), a.path("subject").asText(), a.path("detail").asText()));
        if (actions.size() == first && first > 0) {
            out.println("older: --after " + actions.get(actions.size() - 1).path("cursor").asText());
        }
        out.flush();
        return 0;
    }
}
