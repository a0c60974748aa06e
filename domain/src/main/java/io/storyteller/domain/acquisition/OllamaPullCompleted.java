package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;

/** A pull finished and its model is in the registry as {@code registered}. */
public record OllamaPullCompleted(String endpoint,
        String pullId,
        String model,
        String digest,
        long sizeBytes,
        ModelRef registered) {
}
