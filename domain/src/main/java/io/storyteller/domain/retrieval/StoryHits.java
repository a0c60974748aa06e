package io.storyteller.domain.retrieval;

import java.util.List;

/** The answer to {@link SearchStory}, best first. */
public record StoryHits(List<StoryHit> hits) {

    public StoryHits {
        hits = List.copyOf(hits);
    }
}
