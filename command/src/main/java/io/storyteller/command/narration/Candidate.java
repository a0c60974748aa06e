package io.storyteller.command.narration;

import io.storyteller.command.narration.pipeline.Draft;

/**
 * One generated candidate of a turn: who wrote it, what came back (null when it failed) and,
 * when it failed, the reason safe to show.
 */
record Candidate(int index, int round, NarratorSource source, GeneratedNarration generated, String text,
        String failure, long latencyMillis) {

    Draft draft() {
        return new Draft(index, round, text);
    }
}
