package io.storyteller.graphql.model;

/** Names the model version a mutation changed or created. */
public record ModelVersionPayload(String modelId, String version) {
}
