package io.storyteller.projections.schema;

/** The keys of {@code budgets}: {@code global}, or {@code world:<id>}; the budget a decision names is worded alike. */
public final class BudgetScopes {

    public static final String GLOBAL = "global";

    private BudgetScopes() {
    }

    public static String world(String worldId) {
        return "world:" + worldId;
    }
}
