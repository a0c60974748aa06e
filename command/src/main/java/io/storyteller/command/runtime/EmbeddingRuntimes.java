package io.storyteller.command.runtime;

import io.storyteller.domain.model.ModelRef;
import org.springframework.ai.embedding.EmbeddingModel;

/**
 * Runs a registered embedding model version served by a provider endpoint: {@code <endpoint>:<model>}
 * on an OpenAI-compatible server ({@code /v1/embeddings}) or an Ollama server ({@code /api/embed}).
 * The house embedding model runs in-process and is not asked for here.
 */
@FunctionalInterface
public interface EmbeddingRuntimes {

    /**
     * @throws ModelUnavailableException when no endpoint of that name is configured, or its kind serves
     *                                   no embeddings (Anthropic), or the id is not {@code <endpoint>:<model>}
     */
    EmbeddingModel embeddingModelFor(ModelRef ref);
}
