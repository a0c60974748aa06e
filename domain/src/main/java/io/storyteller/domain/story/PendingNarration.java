package io.storyteller.domain.story;

/** A narration asked for and not yet recorded; narrationBeatId is set when it retries an existing beat. */
record PendingNarration(String requestId, String actionBeatId, String narrationBeatId) {
}
