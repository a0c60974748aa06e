package io.storyteller.graphql.story;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.story.StoryUpdate;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.story.WatchStory;
import java.util.Optional;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;
import reactor.core.publisher.Flux;

/**
 * Streams a story's changes from an Axon subscription query. The initial result says whether the
 * caller may see the story at all; the subscription query is cancelled whenever the stream ends,
 * including when the client unsubscribes or disconnects.
 */
@Controller
public class StoryEvents {

    private final QueryGateway queries;

    public StoryEvents(QueryGateway queries) {
        this.queries = queries;
    }

    @SubscriptionMapping
    public Flux<StoryUpdate> storyEvents(@Argument String storyId, Actor actor) {
        return Flux.using(
                () -> queries.subscriptionQuery(new WatchStory(storyId, actor),
                        ResponseTypes.optionalInstanceOf(StoryView.class), ResponseTypes.instanceOf(StoryUpdate.class)),
                watch -> watch.initialResult()
                        .defaultIfEmpty(Optional.empty())
                        .flatMapMany(story -> story.isPresent()
                                ? watch.updates()
                                : Flux.error(DomainRejection.notFound("storyId", "no story " + storyId))),
                SubscriptionQueryResult::cancel);
    }
}
