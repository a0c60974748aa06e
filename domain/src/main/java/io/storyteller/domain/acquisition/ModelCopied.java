package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelRef;

/** A named copy was made and registered as {@code copy}, derived from {@code source}; artifact is null for Ollama copies. */
public record ModelCopied(ModelRef copy,
        ModelRef source,
        ModelCopyMethod method,
        ModelArtifact artifact) {
}
