package io.storyteller.graphql.acquisition;

import io.storyteller.domain.acquisition.HubModelCandidate;
import io.storyteller.domain.acquisition.HubRevision;
import io.storyteller.domain.acquisition.ListHubFiles;
import io.storyteller.domain.acquisition.SearchHubModels;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Searching the Hub and listing a repository's files; the handler decides who may (platform admins). */
@Controller
public class HubQueryFields {

    private final QueryGateway queries;

    public HubQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<HubModelCandidate>> hubModels(@Argument String search, @Argument String task,
            @Argument int first, Actor actor) {
        return queries.query(new SearchHubModels(search, task, first, actor),
                ResponseTypes.multipleInstancesOf(HubModelCandidate.class));
    }

    @QueryMapping
    public CompletableFuture<HubRevision> hubFiles(@Argument String repo, @Argument String revision, Actor actor) {
        return queries.query(new ListHubFiles(repo, revision, actor), HubRevision.class);
    }
}
