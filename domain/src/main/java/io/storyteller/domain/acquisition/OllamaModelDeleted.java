package io.storyteller.domain.acquisition;

/** The endpoint's server deleted a model. */
public record OllamaModelDeleted(String endpoint,
        String model,
        String deletedBy) {
}
