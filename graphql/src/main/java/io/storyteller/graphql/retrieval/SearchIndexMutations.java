package io.storyteller.graphql.retrieval;

import io.storyteller.domain.retrieval.RebuildSearchIndexes;
import io.storyteller.domain.retrieval.SearchIndexRebuild;
import io.storyteller.domain.shared.Actor;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Operating the search indexes; the handler decides who may. */
@Controller
public class SearchIndexMutations {

    private final CommandGateway commands;

    public SearchIndexMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public CompletableFuture<SearchIndexRebuild> rebuildSearchIndexes(Actor actor) {
        return commands.send(new RebuildSearchIndexes(actor));
    }
}
