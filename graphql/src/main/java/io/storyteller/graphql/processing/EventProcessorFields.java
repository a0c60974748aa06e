package io.storyteller.graphql.processing;

import io.storyteller.domain.processing.EventProcessorView;
import io.storyteller.domain.processing.FindEventProcessors;
import io.storyteller.domain.processing.MergeSegment;
import io.storyteller.domain.processing.ProcessorReset;
import io.storyteller.domain.processing.ResetEventProcessor;
import io.storyteller.domain.processing.SegmentChange;
import io.storyteller.domain.processing.SplitSegment;
import io.storyteller.domain.shared.Actor;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** The event processors: listing, resetting and their segments; the handlers decide who may. */
@Controller
public class EventProcessorFields {

    private final QueryGateway queries;
    private final CommandGateway commands;

    public EventProcessorFields(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @QueryMapping
    public CompletableFuture<List<EventProcessorView>> eventProcessors(Actor actor) {
        return processors(null, actor);
    }

    @QueryMapping
    public CompletableFuture<EventProcessorView> eventProcessor(@Argument String name, Actor actor) {
        return processors(name, actor).thenApply(found -> found.isEmpty() ? null : found.getFirst());
    }

    @MutationMapping
    public CompletableFuture<ProcessorReset> resetProcessor(@Argument String name, @Argument OffsetDateTime from, Actor actor) {
        return commands.send(new ResetEventProcessor(name, from == null ? null : from.toInstant(), actor));
    }

    @MutationMapping
    public CompletableFuture<SegmentChange> splitSegment(@Argument String name, @Argument int segmentId, Actor actor) {
        return commands.send(new SplitSegment(name, segmentId, actor));
    }

    @MutationMapping
    public CompletableFuture<SegmentChange> mergeSegment(@Argument String name, @Argument int segmentId, Actor actor) {
        return commands.send(new MergeSegment(name, segmentId, actor));
    }

    private CompletableFuture<List<EventProcessorView>> processors(String name, Actor actor) {
        return queries.query(new FindEventProcessors(name, actor), ResponseTypes.multipleInstancesOf(EventProcessorView.class));
    }
}
