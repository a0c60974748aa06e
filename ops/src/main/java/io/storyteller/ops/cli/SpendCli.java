package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code storyteller spend}: what narration cost, per world, deployment and UTC day, from a running server. */
@Command(name = "spend", mixinStandardHelpOptions = true,
        description = "What narration cost per world, deployment and UTC day, through a running server.")
public class SpendCli implements Callable<Integer> {

    @Spec
    CommandSpec spec;
    @Mixin
    ServerConnection server;
    @Option(names = "--world", description = "one world (default: all, platform admins)")
    String worldId;
    @Option(names = "--from", description = "first UTC day, e.g. 2026-03-01 (default: the first of this month)")
    String from;
    @Option(names = "--to", description = "last UTC day (default: today)")
    String to;
    @Option(names = "--group-by", split = ",", description = "WORLD, DEPLOYMENT and/or DAY (default: all three)")
    List<String> groupBy;

    @Override
    public Integer call() {
        Map<String, Object> variables = new HashMap<>();
        variables.put("w", worldId);
        variables.put("f", from);
        variables.put("t", to);
        variables.put("g", groupBy == null ? null : groupBy.stream().map(d -> d.toUpperCase(java.util.Locale.ROOT)).toList());
        JsonNode lines = server.call("""
                query($w: ID, $f: Date, $t: Date, $g: [SpendDimension!]) { spend(worldId: $w, from: $f, to: $t, groupBy: $g) {
                  worldId deploymentId day calls promptTokens completionTokens costUsd } }""", variables).path("spend");
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%-10s %-36s %-28s %7s %12s %12s %14s%n", "DAY", "WORLD", "DEPLOYMENT", "CALLS", "TOKENS IN",
                "TOKENS OUT", "COST USD");
        BigDecimal total = BigDecimal.ZERO;
        for (JsonNode line : lines) {
            BigDecimal cost = new BigDecimal(line.path("costUsd").asText("0"));
            total = total.add(cost);
            out.printf("%-10s %-36s %-28s %7d %12d %12d %14s%n", line.path("day").asText("*"),
                    line.path("worldId").asText("*"), line.path("deploymentId").asText(line.has("deploymentId") ? "-" : "*"),
                    line.path("calls").asLong(), line.path("promptTokens").asLong(), line.path("completionTokens").asLong(),
                    cost.toPlainString());
        }
        out.printf("%-10s %-36s %-28s %7s %12s %12s %14s%n", "TOTAL", "", "", "", "", "", total.toPlainString());
        out.flush();
        return 0;
    }
}
