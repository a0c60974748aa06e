package io.storyteller.projections.search;

import io.storyteller.projections.schema.SearchIndex;

/** A document of one of the search indexes. */
record DocumentKey(SearchIndex index, String id) {
}
