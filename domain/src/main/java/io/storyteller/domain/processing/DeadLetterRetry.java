package io.storyteller.domain.processing;

/**
 * What a {@link RetryDeadLetters} achieved.
 *
 * @param sequencesTried     the sequences handled again
 * @param sequencesCleared   those whose events all succeeded and left the queue
 * @param sequencesRemaining those still dead-lettered afterwards
 */
public record DeadLetterRetry(String processingGroup,
        int sequencesTried,
        int sequencesCleared,
        long sequencesRemaining) {
}
