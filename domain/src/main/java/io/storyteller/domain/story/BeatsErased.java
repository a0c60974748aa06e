package io.storyteller.domain.story;

import java.util.List;

/** Beats were erased from the end of a story. */
public record BeatsErased(String storyId,
        List<String> beatIds,
        String erasedBy) {
}
