package io.storyteller.command.narration.budget;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the narration engine keeps its view of the spend limits ({@code storyteller.budgets.*}).
 *
 * @param refresh how long the engine trusts its view of a world's limits and spend before reading
 *                them again; a limit set or lifted applies to turns within this time
 * @param timeout how long a turn waits for that read; past it the turn goes on with the view it had
 */
@ConfigurationProperties("storyteller.budgets")
public record BudgetProperties(@DefaultValue("10s") Duration refresh,
        @DefaultValue("2s") Duration timeout) {
}
