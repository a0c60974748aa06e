package io.storyteller.graphql.acquisition.ollama;

import io.storyteller.domain.acquisition.CopyModel;
import io.storyteller.domain.acquisition.DeleteOllamaModel;
import io.storyteller.domain.acquisition.ModelCopyResult;
import io.storyteller.domain.acquisition.PullOllamaModel;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Pulls, deletes and copies models: each builds one command; the pull's id is chosen here, at the edge. */
@Controller
public class OllamaMutations {

    private final CommandGateway commands;

    public OllamaMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public CompletableFuture<OllamaPullPayload> pullOllamaModel(@Argument String endpoint, @Argument String model, Actor actor) {
        String pullId = UUID.randomUUID().toString();
        return commands.send(new PullOllamaModel(pullId, endpoint, model, actor)).thenApply(done -> new OllamaPullPayload(pullId));
    }

    @MutationMapping
    public CompletableFuture<OllamaDeletionPayload> deleteOllamaModel(@Argument String endpoint, @Argument String model,
            Actor actor) {
        return commands.<String>send(new DeleteOllamaModel(endpoint, model, actor)).thenApply(OllamaDeletionPayload::new);
    }

    @MutationMapping
    public CompletableFuture<ModelCopyResult> copyModel(@Argument ModelRef source, @Argument String name, Actor actor) {
        return commands.send(new CopyModel(source, name, actor));
    }
}
