package io.storyteller.domain.retrieval;

import io.storyteller.domain.shared.Require;

/**
 * What the narrator recalls for one turn, in one search round trip: the world's lore and the
 * story's beats most relevant to the action ({@link SearchLore} and {@link SearchStory} together):
 * the action embedded once, then BM25 and k-NN of lore and of the story's beats in one round trip.
 * Only the platform asks it. Answers {@link TurnRecall}.
 *
 * @param action      the action's text
 * @param loreHits    lore entries wanted
 * @param memoryHits  beats wanted
 * @param windowStart the story position the turn's recent window starts at: memory is searched among
 *                    the beats before it only, and not at all when it is 1 (the window holds the
 *                    whole story, so there is nothing older to recall)
 */
public record RecallForTurn(String worldId, String storyId, String action, int loreHits, int memoryHits,
        int windowStart) {

    public RecallForTurn {
        worldId = Require.id("worldId", worldId);
        storyId = Require.id("storyId", storyId);
        action = Require.text("action", action, SearchLore.MAX_TEXT);
        loreHits = Require.range("loreHits", loreHits, 1, SearchLore.MAX_FIRST);
        memoryHits = Require.range("memoryHits", memoryHits, 1, SearchLore.MAX_FIRST);
        windowStart = Require.range("windowStart", windowStart, 1, Integer.MAX_VALUE);
    }

    /** Whether the story has beats older than the turn's recent window to search. */
    public boolean searchesMemory() {
        return windowStart > 1;
    }
}
