package io.storyteller.domain.model;

/** A model was retired. */
public record ModelRetired(String modelId,
        String reason,
        String retiredBy) {
}
