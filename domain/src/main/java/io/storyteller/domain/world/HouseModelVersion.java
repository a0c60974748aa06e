package io.storyteller.domain.world;

import java.time.Instant;

/** A trained house model version: its file's digest and the slice of the event log it learnt from. */
public record HouseModelVersion(String modelKey,
        int version,
        String sha256,
        long corpusFromIndex,
        long corpusToIndex,
        int documents,
        long tokens,
        int vocabularySize,
        Instant trainedAt) {
}
