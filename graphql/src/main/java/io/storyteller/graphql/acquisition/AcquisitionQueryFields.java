package io.storyteller.graphql.acquisition;

import io.storyteller.domain.acquisition.AcquiredCandidate;
import io.storyteller.domain.acquisition.AcquisitionStatus;
import io.storyteller.domain.acquisition.AcquisitionView;
import io.storyteller.domain.acquisition.FindAcquiredCandidates;
import io.storyteller.domain.acquisition.FindAcquisition;
import io.storyteller.domain.acquisition.FindAcquisitions;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** Acquisitions and the acquired candidates of a use case; the handlers decide who may (platform admins). */
@Controller
public class AcquisitionQueryFields {

    private final QueryGateway queries;

    public AcquisitionQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<AcquisitionView>> acquisitions(@Argument AcquisitionStatus status,
            @Argument UseCase useCase, @Argument int first, Actor actor) {
        return queries.query(new FindAcquisitions(first, actor, status, useCase),
                ResponseTypes.multipleInstancesOf(AcquisitionView.class));
    }

    @QueryMapping
    public CompletableFuture<AcquisitionView> acquisition(@Argument String id, Actor actor) {
        return queries.query(new FindAcquisition(id, actor), ResponseTypes.optionalInstanceOf(AcquisitionView.class))
                .thenApply(found -> found.orElse(null));
    }

    @QueryMapping
    public CompletableFuture<List<AcquiredCandidate>> acquiredCandidates(@Argument UseCase useCase, Actor actor) {
        return queries.query(new FindAcquiredCandidates(useCase, actor),
                ResponseTypes.multipleInstancesOf(AcquiredCandidate.class));
    }
}
