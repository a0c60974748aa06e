package io.storyteller.graphql.story;

import io.storyteller.domain.continuity.CheckContinuity;
import io.storyteller.domain.continuity.ContinuityReport;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.CorrectStoryFact;
import io.storyteller.domain.story.FindStoryFacts;
import io.storyteller.domain.story.PinStoryFact;
import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactView;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * A story's facts (read, pinned, corrected) and the continuity check by hand: each field builds one
 * message carrying the caller; the Story aggregate, the read rules and the engine decide.
 */
@Controller
public class StoryFactFields {

    private final QueryGateway queries;
    private final CommandGateway commands;

    public StoryFactFields(QueryGateway queries, CommandGateway commands) {
        this.queries = queries;
        this.commands = commands;
    }

    @QueryMapping
    public CompletableFuture<List<StoryFactView>> storyFacts(@Argument String storyId, Actor actor) {
        return queries.query(new FindStoryFacts(storyId, actor), ResponseTypes.multipleInstancesOf(StoryFactView.class));
    }

    @MutationMapping
    public CompletableFuture<StoryFactPayload> pinStoryFact(@Argument String storyId, @Argument StoryFactInput fact, Actor actor) {
        StoryFact pinned = fact == null ? null : fact.toFact();
        return commands.send(new PinStoryFact(storyId, pinned, actor))
                .thenApply(done -> new StoryFactPayload(storyId, StoryFact.keyOf(pinned.kind().strip(), pinned.entity().strip(),
                        pinned.attribute().strip())));
    }

    @MutationMapping
    public CompletableFuture<StoryFactPayload> correctStoryFact(@Argument String storyId, @Argument String factKey,
            @Argument String value, Actor actor) {
        return commands.send(new CorrectStoryFact(storyId, factKey, value, actor))
                .thenApply(done -> new StoryFactPayload(storyId, factKey));
    }

    @QueryMapping
    public CompletableFuture<ContinuityReport> checkContinuity(@Argument List<String> lore, @Argument List<String> story,
            @Argument String candidate, Actor actor) {
        return queries.query(new CheckContinuity(lore, story, candidate, actor), ResponseTypes.instanceOf(ContinuityReport.class));
    }

    @SchemaMapping(typeName = "ContinuityFact", field = "key")
    public String key(StoryFact fact) {
        return fact.key();
    }
}
