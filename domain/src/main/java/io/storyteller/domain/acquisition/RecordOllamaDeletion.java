package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that the endpoint's server deleted {@code model}; sent after the server confirmed it. */
public record RecordOllamaDeletion(String endpoint,
        String model,
        Actor actor) {

    @TargetAggregateIdentifier
    public String serverId() {
        return OllamaServer.idOf(endpoint);
    }
}
