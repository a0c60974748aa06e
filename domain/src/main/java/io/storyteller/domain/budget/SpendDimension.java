package io.storyteller.domain.budget;

/** What spend can be grouped by. */
public enum SpendDimension {
    WORLD,
    DEPLOYMENT,
    DAY
}
