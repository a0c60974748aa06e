package io.storyteller.domain.retrieval;

import io.storyteller.domain.shared.Actor;

/**
 * Drops the search indexes (lore, story memory) and rebuilds them from the event log: their
 * processing groups are reset to the first event and replay it. Searches answer from what is
 * indexed so far while the replay runs. Platform admins only; answers {@link SearchIndexRebuild}.
 */
public record RebuildSearchIndexes(Actor actor) {
}
