package io.storyteller.domain.finetuning;

/** One attempt of a step failed; the saga decides whether to try again. */
public record FineTuningSetback(String fineTuningId,
        FineTuningStep step,
        int attempt,
        String reason,
        boolean retryable) {
}
