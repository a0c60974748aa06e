package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;

/** What an Ollama endpoint's server holds ({@code GET /api/tags}). Answers a list of {@link OllamaModelSummary}. */
public record ListOllamaModels(String endpoint,
        Actor viewer) {
}
