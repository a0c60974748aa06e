package io.storyteller.domain.finetuning;

/** A training attempt began. */
public record FineTuningTrainingStarted(String fineTuningId,
        String backend,
        int attempt) {
}
