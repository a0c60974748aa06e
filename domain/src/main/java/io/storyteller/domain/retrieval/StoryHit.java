package io.storyteller.domain.retrieval;

import io.storyteller.domain.story.BeatKind;
import java.util.List;

/** One remembered beat: its place in the story, its text, fused score, why it came back, and highlights. */
public record StoryHit(String beatId, int position, BeatKind kind, String text, double score, RetrievalReason reason,
                       List<String> highlights) {

    public StoryHit {
        highlights = highlights == null ? List.of() : List.copyOf(highlights);
    }
}
