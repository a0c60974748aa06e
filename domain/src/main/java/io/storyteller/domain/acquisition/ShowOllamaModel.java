package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;

/** One model as an Ollama endpoint's server describes it ({@code POST /api/show}). Answers {@link OllamaModelDetails}. */
public record ShowOllamaModel(String endpoint,
        String model,
        Actor viewer) {
}
