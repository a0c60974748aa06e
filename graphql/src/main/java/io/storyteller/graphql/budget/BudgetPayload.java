package io.storyteller.graphql.budget;

/** What a budget mutation answers: the world whose limit changed, null for the global one. */
public record BudgetPayload(String worldId) {
}
