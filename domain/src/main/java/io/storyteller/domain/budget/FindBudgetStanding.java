package io.storyteller.domain.budget;

import java.time.LocalDate;

/**
 * Asks, for the narration engine, how a world stands against its own and the global spend limits
 * on a UTC day: the limits and what was spent that day and month. It carries no viewer: the
 * platform asks it, and it reveals no player data. Answers a {@link BudgetStanding}.
 */
public record FindBudgetStanding(String worldId,
        LocalDate day) {
}
