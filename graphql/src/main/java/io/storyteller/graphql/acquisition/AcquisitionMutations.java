package io.storyteller.graphql.acquisition;

import io.storyteller.domain.acquisition.RequestHubAcquisition;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Starts an acquisition from the Hub; the Acquisition decides who may and answers its id. */
@Controller
public class AcquisitionMutations {

    private final CommandGateway commands;

    public AcquisitionMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public CompletableFuture<String> acquireHubModel(@Argument String repo, @Argument String revision,
            @Argument UseCase useCase, Actor actor) {
        String acquisitionId = "acquisition-" + UUID.randomUUID();
        return commands.send(new RequestHubAcquisition(acquisitionId, repo, revision, useCase, actor))
                .thenApply(created -> acquisitionId);
    }
}
