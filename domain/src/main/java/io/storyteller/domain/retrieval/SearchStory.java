package io.storyteller.domain.retrieval;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Require;

/**
 * Story memory: the beats of a story most relevant to {@code text} (BM25 fused with k-NN), among
 * those at a position below {@code beforePosition} (1-based, as in {@code FindBeats}); the narration
 * engine passes the first position of its recent window so that only older beats come back; 0 means
 * every beat. Answers {@link StoryHits}. Readable by the platform and, through the API, by the story
 * world's owner and admins and platform admins.
 */
public record SearchStory(String storyId, Actor viewer, String text, int beforePosition, int first) {

    public SearchStory {
        storyId = Require.id("storyId", storyId);
        text = Require.text("text", text, SearchLore.MAX_TEXT);
        beforePosition = Require.range("beforePosition", beforePosition, 0, Integer.MAX_VALUE);
        first = Require.range("first", first, 1, SearchLore.MAX_FIRST);
    }
}
