package io.storyteller.graphql.world;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.world.AddLoreEntry;
import io.storyteller.domain.world.AddWorldMember;
import io.storyteller.domain.world.ArchiveWorld;
import io.storyteller.domain.world.ChangeWorldMemberRole;
import io.storyteller.domain.world.ChangeWorldSettings;
import io.storyteller.domain.world.CreateWorld;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.RemoveWorldMember;
import io.storyteller.domain.world.RetireLoreEntry;
import io.storyteller.domain.world.ReviseLoreEntry;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.SetNarrationPolicy;
import io.storyteller.domain.world.WorldSettings;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * Changes to worlds, their lore and members: each builds one command carrying the caller and hands
 * it to the command gateway; the World aggregate decides. New ids are chosen here, at the edge.
 */
@Controller
public class WorldMutations {

    private final CommandGateway commands;

    public WorldMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public CompletableFuture<WorldPayload> createWorld(@Argument WorldSettings settings, Actor actor) {
        String worldId = newId();
        return commands.send(new CreateWorld(worldId, settings, actor)).thenApply(done -> new WorldPayload(worldId));
    }

    @MutationMapping
    public CompletableFuture<WorldPayload> changeWorldSettings(@Argument String worldId, @Argument WorldSettings settings,
            Actor actor) {
        return commands.send(new ChangeWorldSettings(worldId, settings, actor)).thenApply(done -> new WorldPayload(worldId));
    }

    @MutationMapping
    public CompletableFuture<WorldPayload> setNarrationPolicy(@Argument String worldId,
            @Argument NarrationPolicyInput policy, Actor actor) {
        return commands.send(new SetNarrationPolicy(worldId, policy == null ? null : policy.toPolicy(), actor))
                .thenApply(done -> new WorldPayload(worldId));
    }

    @MutationMapping
    public CompletableFuture<LoreEntryPayload> addLoreEntry(@Argument String worldId, @Argument LoreContent content,
            Actor actor) {
        String loreEntryId = newId();
        return commands.send(new AddLoreEntry(worldId, loreEntryId, content, actor))
                .thenApply(done -> new LoreEntryPayload(worldId, loreEntryId));
    }

    @MutationMapping
    public CompletableFuture<LoreEntryPayload> reviseLoreEntry(@Argument String worldId, @Argument String loreEntryId,
            @Argument LoreContent content, Actor actor) {
        return commands.send(new ReviseLoreEntry(worldId, loreEntryId, content, actor))
                .thenApply(done -> new LoreEntryPayload(worldId, loreEntryId));
    }

    @MutationMapping
    public CompletableFuture<LoreEntryPayload> retireLoreEntry(@Argument String worldId, @Argument String loreEntryId,
            Actor actor) {
        return commands.send(new RetireLoreEntry(worldId, loreEntryId, actor))
                .thenApply(done -> new LoreEntryPayload(worldId, loreEntryId));
    }

    @MutationMapping
    public CompletableFuture<WorldMemberPayload> addWorldMember(@Argument String worldId, @Argument String userId,
            @Argument WorldRole role, Actor actor) {
        return commands.send(new AddWorldMember(worldId, userId, role, actor))
                .thenApply(done -> new WorldMemberPayload(worldId, userId));
    }

    @MutationMapping
    public CompletableFuture<WorldMemberPayload> changeWorldMemberRole(@Argument String worldId, @Argument String userId,
            @Argument WorldRole role, Actor actor) {
        return commands.send(new ChangeWorldMemberRole(worldId, userId, role, actor))
                .thenApply(done -> new WorldMemberPayload(worldId, userId));
    }

    @MutationMapping
    public CompletableFuture<WorldMemberPayload> removeWorldMember(@Argument String worldId, @Argument String userId,
            Actor actor) {
        return commands.send(new RemoveWorldMember(worldId, userId, actor))
                .thenApply(done -> new WorldMemberPayload(worldId, userId));
    }

    @MutationMapping
    public CompletableFuture<WorldPayload> archiveWorld(@Argument String worldId, Actor actor) {
        return commands.send(new ArchiveWorld(worldId, actor)).thenApply(done -> new WorldPayload(worldId));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
