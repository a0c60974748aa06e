package io.storyteller.graphql.story;

import io.storyteller.domain.story.BeatView;

/** A beat and the cursor to page on from it. */
public record BeatEdge(String cursor, BeatView node) {
}
