package io.storyteller.domain.acquisition;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records why a pull did not end in a registered model, in words safe to show. */
public record FailOllamaPull(String endpoint,
        String pullId,
        String reason) {

    @TargetAggregateIdentifier
    public String serverId() {
        return OllamaServer.idOf(endpoint);
    }
}
