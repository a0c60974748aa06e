package io.storyteller.graphql.deployment;

import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.WatchDeployments;
import io.storyteller.domain.shared.Actor;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Streams the deployment slots from an Axon subscription query: every current slot first, then
 * each slot as it changes. The subscription query is cancelled whenever the stream ends.
 */
@Controller
public class DeploymentEvents {

    private final QueryGateway queries;

    public DeploymentEvents(QueryGateway queries) {
        this.queries = queries;
    }

    @SubscriptionMapping
    public Flux<DeploymentView> deploymentEvents(Actor actor) {
        return Flux.using(
                () -> queries.subscriptionQuery(new WatchDeployments(actor),
                        ResponseTypes.multipleInstancesOf(DeploymentView.class), ResponseTypes.instanceOf(DeploymentView.class)),
                watch -> watch.initialResult().flatMapMany(Flux::fromIterable).concatWith(watch.updates()),
                SubscriptionQueryResult::cancel);
    }
}
