package io.storyteller.domain.retrieval;

import io.storyteller.domain.shared.Require;

/**
 * What the narrator recalls for one turn, in one search round trip: the world's lore and the
 * story's beats most relevant to the action ({@link SearchLore} and {@link SearchStory} together),
 * BM25 on the action's words and k-NN on the meaning of the turn's context (the last beats and the
 * action), whose vector comes back too so that the turn's other stages need not embed it again.
 * Only the platform asks it. Answers {@link TurnRecall}.
 *
 * @param action      the action's text, for BM25
 * @param context     the turn's context text, for its embedding
 * @param loreHits    lore entries wanted
 * @param memoryHits  beats wanted
 */
public record RecallForTurn(String worldId, String storyId, String action, String context, int loreHits,
        int memoryHits) {

    public RecallForTurn {
        worldId = Require.id("worldId", worldId);
        storyId = Require.id("storyId", storyId);
        action = Require.text("action", action, SearchLore.MAX_TEXT);
        context = Require.text("context", context, SearchLore.MAX_TEXT);
        loreHits = Require.range("loreHits", loreHits, 1, SearchLore.MAX_FIRST);
        memoryHits = Require.range("memoryHits", memoryHits, 1, SearchLore.MAX_FIRST);
    }
}
