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

/** {@code storyteller operator-log}: what operators did on a running server, newest first. Platform admins only. */
@Command(name = "operator-log", mixinStandardHelpOptions = true,
        description = "What operators did (resets, segment changes, dead-letter retries and evictions, index rebuilds), newest first.")
public class OperatorLogCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ServerConnection server;
    @Option(names = "--first", defaultValue = "20", description = "at most this many (default: ${DEFAULT-VALUE})")
    int first;
    @Option(names = "--after", description = "the cursor of the last action shown, to read older ones")
    String after;

    @Override
    public Integer call() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("n", first);
        variables.put("a", after);
        JsonNode actions = server.call("""
                query($n: Int!, $a: String) { operatorActions(first: $n, after: $a) { cursor operatorId action target outcome
                  succeeded at } }""", variables).path("operatorActions");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-24s %-16s %-20s %-36s %-4s %s%n", "AT", "OPERATOR", "ACTION", "TARGET", "OK", "OUTCOME");
        actions.forEach(a -> out.printf("%-24s %-16s %-20s %-36s %-4s %s%n", a.path("at").asText(), a.path("operatorId").asText(),
                a.path("action").asText(), a.path("target").asText(), a.path("succeeded").asBoolean() ? "yes" : "NO",
                a.path("outcome").asText()));
        if (actions.size() == first && first > 0) {
            out.println("older: --after " + actions.get(actions.size() - 1).path("cursor").asText());
        }
        out.flush();
        return 0;
    }
}
