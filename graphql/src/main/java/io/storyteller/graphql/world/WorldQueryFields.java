package io.storyteller.graphql.world;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.world.FindLoreEntries;
import io.storyteller.domain.world.FindWorld;
import io.storyteller.domain.world.FindWorlds;
import io.storyteller.domain.world.LoreActivationView;
import io.storyteller.domain.world.LoreEntryView;
import io.storyteller.domain.world.PreviewLoreActivation;
import io.storyteller.domain.world.WorldView;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Reads worlds and their lore; the query side decides what the caller may see. */
@Controller
public class WorldQueryFields {

    private final QueryGateway queries;

    public WorldQueryFields(QueryGateway queries) {
        this.queries = queries;
    }

    @QueryMapping
    public CompletableFuture<List<WorldView>> worlds(Actor actor) {
        return queries.query(new FindWorlds(actor), ResponseTypes.multipleInstancesOf(WorldView.class));
    }

    @QueryMapping
    public CompletableFuture<WorldView> world(@Argument String id, Actor actor) {
        return queries.query(new FindWorld(id, actor), ResponseTypes.optionalInstanceOf(WorldView.class))
                .thenApply(found -> found.orElse(null));
    }

    @QueryMapping
    public CompletableFuture<List<LoreEntryView>> loreEntries(@Argument String worldId, @Argument boolean includeRetired,
            Actor actor) {
        return queries.query(new FindLoreEntries(worldId, actor, includeRetired),
                ResponseTypes.multipleInstancesOf(LoreEntryView.class));
    }

    /** Only for a world the caller may see: the narrator's lorebook knows no viewers. */
    @QueryMapping
    public CompletableFuture<List<LoreActivationView>> loreActivationPreview(@Argument String worldId, @Argument String text,
            Actor actor) {
        return queries.query(new FindWorld(worldId, actor), ResponseTypes.optionalInstanceOf(WorldView.class))
                .thenCompose(world -> {
                    if (world.isEmpty()) {
                        throw DomainRejection.notFound("worldId", "no world " + worldId);
                    }
                    return queries.query(new PreviewLoreActivation(worldId, text),
                            ResponseTypes.multipleInstancesOf(LoreActivationView.class));
                });
    }

    @SchemaMapping(typeName = "World", field = "loreEntries")
    public CompletableFuture<List<LoreEntryView>> loreEntriesOf(WorldView world, @Argument boolean includeRetired,
            Actor actor) {
        return loreEntries(world.worldId(), includeRetired, actor);
    }

    @SchemaMapping(typeName = "World", field = "id")
    public String id(WorldView world) {
        return world.worldId();
    }

    @SchemaMapping(typeName = "LoreEntry", field = "id")
    public String id(LoreEntryView entry) {
        return entry.loreEntryId();
    }
}
