package io.storyteller.graphql.processing;

/** The schema's {@code PageInfo} of an event log page: whether more lies either side, and the cursors at its ends (null when empty). */
public record EventLogPageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
}
