package io.storyteller.graphql.story;

/** Relay page info: whether more lies either side, and the cursors at the page's ends (null when empty). */
public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
