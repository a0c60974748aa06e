package io.storyteller.command.narration;

import io.storyteller.command.narration.pipeline.Draft;

/**
 * One generated candidate of a turn: who wrote it, what came back (null when it failed) and,
 * when it failed, the reason safe to show and whether it failed because its provider is down
 * ({@code outage}: another narrator may answer instead).
 */
record Candidate(int index, int round, NarratorSource source, GeneratedNarration generated, String text,
        String failure, long latencyMillis, boolean outage) {

    Draft draft() {
        return new Draft(index, round, text);
    }
}
