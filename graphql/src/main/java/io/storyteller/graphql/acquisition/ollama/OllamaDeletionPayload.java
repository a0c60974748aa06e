package io.storyteller.graphql.acquisition.ollama;

/** Names the registry model the deletion retired (when it was registered). */
public record OllamaDeletionPayload(String modelId) {
}
