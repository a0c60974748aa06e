package io.storyteller.domain.acquisition;

/** A pull of a model onto an Ollama endpoint began. */
public record OllamaPullRequested(String endpoint,
        String pullId,
        String model,
        String requestedBy) {
}
