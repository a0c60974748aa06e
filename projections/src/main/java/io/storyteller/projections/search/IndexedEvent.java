package io.storyteller.projections.search;

/** An event for a search index: its payload, its aggregate sequence number (the documents' version) and its id. */
record IndexedEvent(String eventId, long sequence, Object payload) {
}
