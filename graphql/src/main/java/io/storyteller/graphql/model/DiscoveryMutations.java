package io.storyteller.graphql.model;

import io.storyteller.domain.model.DiscoveryReport;
import io.storyteller.domain.model.ScanProviders;
import io.storyteller.domain.shared.Actor;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Asks model discovery for a scan now; discovery decides who may (platform admins and the model
 * manager) and answers its report once every provider has been scanned.
 */
@Controller
public class DiscoveryMutations {

    private final CommandGateway commands;

    public DiscoveryMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public CompletableFuture<DiscoveryReport> discoverModels(Actor actor) {
        return commands.send(new ScanProviders(actor));
    }
}
