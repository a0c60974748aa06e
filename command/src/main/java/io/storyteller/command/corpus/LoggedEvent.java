package io.storyteller.command.corpus;

import java.time.Instant;

/** One event of the log as the exporter folds it: its global sequence, when it was stored, and its payload. */
public record LoggedEvent(long sequence, Instant time, Object payload) {
}
