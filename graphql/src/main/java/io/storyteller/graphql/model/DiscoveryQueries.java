package io.storyteller.graphql.model;

import io.storyteller.domain.model.DiscoveryReport;
import io.storyteller.domain.model.FindDiscoveryRuns;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The latest model discovery runs; discovery decides what the caller may see. */
@Controller
public class DiscoveryQueries {

    private final QueryGateway queries;

    public DiscoveryQueries(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<DiscoveryReport>> discoveryRuns(@Argument int limit, Actor actor) {
        return queries.query(new FindDiscoveryRuns(limit, actor), ResponseTypes.multipleInstancesOf(DiscoveryReport.class));
    }
}
