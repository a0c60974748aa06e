package io.storyteller.command.acquisition.ollama;

import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.domain.acquisition.DeleteOllamaModel;
import io.storyteller.domain.acquisition.OllamaModelName;
import io.storyteller.domain.acquisition.RecordOllamaDeletion;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.model.RetireModel;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import org.axonframework.commandhandling.CommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a model from an Ollama endpoint's server, records it, and retires {@code <endpoint>:<model>}
 * in the registry (when it is there): a slot must not go on naming a model the server has dropped.
 */
public class OllamaDeletion {

    private static final Logger log = LoggerFactory.getLogger(OllamaDeletion.class);

    private final OllamaEndpoints endpoints;
    private final IndependentCommands commands;
    private final OllamaPullProgress progress;

    public OllamaDeletion(OllamaEndpoints endpoints, IndependentCommands commands, OllamaPullProgress progress) {
        this.endpoints = endpoints;
        this.commands = commands;
        this.progress = progress;
    }

    @CommandHandler
    public String handle(DeleteOllamaModel command) {
        Actor actor = ModelAuthority.require(command.actor());
        ProviderEndpoint endpoint = endpoints.require(command.endpoint());
        String model = OllamaModelName.require("model", command.model());
        if (progress.pulling(endpoint.name(), model)) {
            throw DomainRejection.conflict("model", "no-pull-in-progress", model + " is being pulled onto " + endpoint.name());
        }
        try {
            endpoints.api(endpoint).delete(model);
        } catch (OllamaApiException e) {
            throw e.status() == 404 ? DomainRejection.notFound("model", e.getMessage())
                    : DomainRejection.conflict("endpoint", "available", e.getMessage());
        }
        commands.send(new RecordOllamaDeletion(endpoint.name(), model, actor));
        String modelId = endpoint.name() + ":" + model;
        try {
            commands.send(new RetireModel(modelId, "deleted from Ollama endpoint " + endpoint.name(), actor));
        } catch (RuntimeException e) {
            // Never registered, or retired already: nothing to withdraw.
            log.debug("{} not retired after its deletion: {}", modelId, e.getClass().getSimpleName());
        }
        return modelId;
    }
}
