package io.storyteller.domain.processing;

/** What an eviction removed: the number of dead letters the sequence held. */
public record DeadLetterEviction(String processingGroup,
        String sequence,
        int lettersEvicted) {
}
