package io.storyteller.domain.budget;

import io.storyteller.domain.shared.Actor;

/**
 * Asks for a world's spend limit, or the global one when {@code worldId} is null. Platform admins
 * read both; a world's owner and admins their world's. Answers a {@link BudgetView}, null when none is set.
 */
public record FindBudget(String worldId,
        Actor viewer) {
}
