package io.storyteller.ops;

import java.time.Instant;

/** A payload for the tests; the real events live in the domain module. */
record StoryBeatRecorded(String storyId, String text, Instant recordedAt) {
}
