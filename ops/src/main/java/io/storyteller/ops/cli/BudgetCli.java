package io.storyteller.ops.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code storyteller budget set|clear|show}: the global and the worlds' spend limits on a running
 * server, through its GraphQL API (so that the aggregates decide who may set what).
 */
@Command(name = "budget", mixinStandardHelpOptions = true,
        description = "Set, lift and show spend limits through a running server.",
        subcommands = {BudgetCli.Set.class, BudgetCli.Clear.class, BudgetCli.Show.class, CommandLine.HelpCommand.class})
public class BudgetCli {

    /** Which budget: one world's, or the global one. */
    static class Scope {
        @Option(names = "--world", description = "a world's budget", required = true)
        String worldId;
        @Option(names = "--global", description = "the platform-wide budget", required = true)
        boolean global;
    }

    @Command(name = "set", description = "Set a spend limit in USD per UTC day and/or per calendar month.")
    static class Set implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @ArgGroup(multiplicity = "1")
        Scope scope;
        @Option(names = "--daily", description = "USD per UTC day")
        BigDecimal daily;
        @Option(names = "--monthly", description = "USD per calendar month (UTC)")
        BigDecimal monthly;
        @Option(names = "--when-exhausted", required = true, description = "CHEAPER or REFUSE")
        String whenExhausted;

        @Override
        public Integer call() {
            Map<String, Object> budget = new HashMap<>();
            budget.put("dailyUsd", daily);
            budget.put("monthlyUsd", monthly);
            budget.put("whenExhausted", whenExhausted.toUpperCase(java.util.Locale.ROOT));
            Map<String, Object> variables = new HashMap<>();
            variables.put("b", budget);
            if (scope.global) {
                server.call("mutation($b: BudgetInput!) { setGlobalBudget(budget: $b) { worldId } }", variables);
            } else {
                variables.put("w", scope.worldId);
                server.call("mutation($w: ID!, $b: BudgetInput!) { setWorldBudget(worldId: $w, budget: $b) { worldId } }",
                        variables);
            }
            spec.commandLine().getOut().println((scope.global ? "global" : "world " + scope.worldId) + " budget set");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "clear", description = "Lift a spend limit (platform admins).")
    static class Clear implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @ArgGroup(multiplicity = "1")
        Scope scope;

        @Override
        public Integer call() {
            if (scope.global) {
                server.call("mutation { clearGlobalBudget { worldId } }", Map.of());
            } else {
                server.call("mutation($w: ID!) { clearWorldBudget(worldId: $w) { worldId } }", Map.of("w", scope.worldId));
            }
            spec.commandLine().getOut().println((scope.global ? "global" : "world " + scope.worldId) + " budget lifted");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    @Command(name = "show", description = "The global budget, and a world's when --world is given.")
    static class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;
        @Mixin
        ServerConnection server;
        @Option(names = "--world", description = "also this world's budget")
        String worldId;

        @Override
        public Integer call() {
            String fields = "worldId dailyUsd monthlyUsd whenExhausted setBy setAt";
            JsonNode data = worldId == null ? server.call("query { globalBudget { " + fields + " } }", Map.of())
                    : server.call("query($w: ID!) { globalBudget { " + fields + " } world(id: $w) { budget { " + fields
                            + " } } }", Map.of("w", worldId));
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-24s %12s %12s %-8s %-12s %s%n", "BUDGET", "DAILY USD", "MONTHLY USD", "WHEN", "SET BY", "SET AT");
            line(out, "global", data.path("globalBudget"));
            if (worldId != null) {
                line(out, "world:" + worldId, data.path("world").path("budget"));
            }
            out.flush();
            return 0;
        }

        private static void line(PrintWriter out, String name, JsonNode budget) {
            if (budget.isNull() || budget.isMissingNode()) {
                out.printf("%-24s %s%n", name, "(no limit)");
                return;
            }
            out.printf("%-24s %12s %12s %-8s %-12s %s%n", name, budget.path("dailyUsd").asText("-"),
                    budget.path("monthlyUsd").asText("-"), budget.path("whenExhausted").asText(),
                    budget.path("setBy").asText(), budget.path("setAt").asText());
        }
    }
}
