package io.storyteller.domain.acquisition;

import io.storyteller.domain.shared.Actor;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Records that a pull of {@code model} onto the Ollama endpoint {@code endpoint} begins; sent once the endpoint is known to exist. */
public record RequestOllamaPull(String endpoint,
        String pullId,
        String model,
        Actor actor) {

    @TargetAggregateIdentifier
    public String serverId() {
        return OllamaServer.idOf(endpoint);
    }
}
