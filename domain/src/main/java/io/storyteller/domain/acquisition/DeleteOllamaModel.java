package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;

/** Deletes a model from a configured Ollama endpoint's server; its registry entry, if any, is retired. */
public record DeleteOllamaModel(String endpoint,
        String model,
        Actor actor) {
}
