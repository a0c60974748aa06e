package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Records a finished pull: the manifest digest the server reports ({@code sha256:…}), its size and
 * the registry version it was registered as.
 */
public record CompleteOllamaPull(String endpoint,
        String pullId,
        String digest,
        long sizeBytes,
        ModelRef registered) {

    @TargetAggregateIdentifier
    public String serverId() {
        return OllamaServer.idOf(endpoint);
    }
}
