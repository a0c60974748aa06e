package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;

/**
 * Pulls a model onto a configured Ollama endpoint and registers it as {@code <endpoint>:<model>};
 * answers at once with {@code pullId} (chosen at the edge) while the pull goes on, followed by
 * {@link FindOllamaPull}.
 */
public record PullOllamaModel(String pullId,
        String endpoint,
        String model,
        Actor actor) {
}
