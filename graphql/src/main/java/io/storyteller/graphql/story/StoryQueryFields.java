package io.storyteller.graphql.story;

import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Require;
import io.storyteller.domain.story.BeatView;
import io.storyteller.domain.story.FindBeat;
import io.storyteller.domain.story.FindStories;
import io.storyteller.domain.story.FindStory;
import io.storyteller.domain.story.StoryView;
import io.storyteller.domain.world.FindWorld;
import io.storyteller.domain.world.WorldView;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reads stories, a world's stories, a story's world and one beat; the query side decides what the caller may see. */
@Controller
public class StoryQueryFields {

    private final QueryGateway queries;

    public StoryQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<StoryView>> stories(@Argument String worldId, Actor actor) {
        return queries.query(new FindStories(actor, worldId), ResponseTypes.multipleInstancesOf(StoryView.class));
    }

    @QueryMapping
    public CompletableFuture<StoryView> story(@Argument String id, Actor actor) {
        return queries.query(new FindStory(id, actor), ResponseTypes.optionalInstanceOf(StoryView.class))
                .thenApply(found -> found.orElse(null));
    }

    @SchemaMapping(typeName = "World", field = "stories")
    public CompletableFuture<List<StoryView>> storiesOf(WorldView world, Actor actor) {
        return stories(world.worldId(), actor);
    }

    @SchemaMapping(typeName = "Story", field = "world")
    public CompletableFuture<WorldView> world(StoryView story, Actor actor) {
        return queries.query(new FindWorld(story.worldId(), actor), ResponseTypes.optionalInstanceOf(WorldView.class))
                .thenApply(found -> found.orElse(null));
    }

    /** A beat of the story the caller has already been allowed to read; the query side checks that again. */
    @SchemaMapping(typeName = "Story", field = "beat")
    public CompletableFuture<BeatView> beat(StoryView story, @Argument String id, Actor actor) {
        String beatId = Require.id("id", id);
        return queries.query(new FindBeat(story.storyId(), beatId, actor), ResponseTypes.optionalInstanceOf(BeatView.class))
                .thenApply(found -> found.orElse(null));
    }

    @SchemaMapping(typeName = "Story", field = "id")
    public String id(StoryView story) {
        return story.storyId();
    }

    @SchemaMapping(typeName = "Beat", field = "id")
    public String id(BeatView beat) {
        return beat.beatId();
    }

    @SchemaMapping(typeName = "Beat", field = "flagCategories")
    public List<HarmCategory> flagCategories(BeatView beat) {
        return beat.flag() == null ? null : beat.flag().categories();
    }

    @SchemaMapping(typeName = "Beat", field = "flagSeverity")
    public Integer flagSeverity(BeatView beat) {
        return beat.flag() == null ? null : beat.flag().severity();
    }

    @SchemaMapping(typeName = "Beat", field = "flagRealWorld")
    public Boolean flagRealWorld(BeatView beat) {
        return beat.flag() == null ? null : beat.flag().realWorld();
    }

    @SchemaMapping(typeName = "Beat", field = "flaggedBy")
    public String flaggedBy(BeatView beat) {
        return beat.flag() == null ? null : beat.flag().flaggedBy();
    }
}
