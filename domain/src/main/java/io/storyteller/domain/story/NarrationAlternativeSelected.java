package io.storyteller.domain.story;

/** An alternative of a narration beat was chosen. */
public record NarrationAlternativeSelected(String storyId,
        String beatId,
        int alternativeIndex,
        String selectedBy) {
}
