package io.storyteller.domain.acquisition;

import java.time.Instant;

/** One model an Ollama server lists; the details are null where the server names none. */
public record OllamaModelSummary(String name,
        String digest,
        long sizeBytes,
        Instant modifiedAt,
        String family,
        String parameterSize,
        String quantization) {
}
