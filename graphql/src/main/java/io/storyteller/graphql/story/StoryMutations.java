package io.storyteller.graphql.story;

import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.EditBeat;
import io.storyteller.domain.story.EndStory;
import io.storyteller.domain.story.EraseBeats;
import io.storyteller.domain.story.FlagBeat;
import io.storyteller.domain.story.InviteParticipant;
import io.storyteller.domain.story.RateBeat;
import io.storyteller.domain.story.RetryNarration;
import io.storyteller.domain.story.SelectNarrationAlternative;
import io.storyteller.domain.story.SetAuthorsNote;
import io.storyteller.domain.story.SetPinnedMemory;
import io.storyteller.domain.story.StartStory;
import io.storyteller.domain.story.SubmitPlayerAction;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/**
 * A player's moves in a story: each builds one command carrying the caller and hands it to the
 * command gateway; the Story aggregate decides. New ids (stories, action beats, narration requests)
 * are chosen here, at the edge, and answered so the client can follow them on storyEvents.
 */
@Controller
public class StoryMutations {

    private final CommandGateway commands;

    public StoryMutations(CommandGateway commands) {
        this.commands = commands;
    }

    @MutationMapping
    public CompletableFuture<StoryPayload> startStory(@Argument String worldId, @Argument String title, Actor actor) {
        String storyId = newId();
        return commands.send(new StartStory(storyId, worldId, title, actor)).thenApply(done -> new StoryPayload(storyId));
    }

    @MutationMapping
    public CompletableFuture<StoryPayload> inviteParticipant(@Argument String storyId, @Argument String userId, Actor actor) {
        return commands.send(new InviteParticipant(storyId, userId, actor)).thenApply(done -> new StoryPayload(storyId));
    }

    @MutationMapping
    public CompletableFuture<PlayerActionPayload> submitPlayerAction(@Argument String storyId, @Argument String text,
            Actor actor) {
        String actionBeatId = newId();
        return commands.send(new SubmitPlayerAction(storyId, actionBeatId, text, actor))
                .thenApply(done -> new PlayerActionPayload(storyId, actionBeatId));
    }

    @MutationMapping
    public CompletableFuture<NarrationRequestPayload> retryNarration(@Argument String storyId, Actor actor) {
        String requestId = newId();
        return commands.send(new RetryNarration(storyId, requestId, actor))
                .thenApply(done -> new NarrationRequestPayload(storyId, requestId));
    }

    @MutationMapping
    public CompletableFuture<BeatPayload> selectNarrationAlternative(@Argument String storyId, @Argument String beatId,
            @Argument int alternativeIndex, Actor actor) {
        return commands.send(new SelectNarrationAlternative(storyId, beatId, alternativeIndex, actor))
                .thenApply(done -> new BeatPayload(storyId, beatId));
    }

    @MutationMapping
    public CompletableFuture<BeatPayload> editBeat(@Argument String storyId, @Argument String beatId, @Argument String text,
            Actor actor) {
        return commands.send(new EditBeat(storyId, beatId, text, actor)).thenApply(done -> new BeatPayload(storyId, beatId));
    }

    @MutationMapping
    public CompletableFuture<StoryPayload> eraseBeats(@Argument String storyId, @Argument String fromBeatId, Actor actor) {
        return commands.send(new EraseBeats(storyId, fromBeatId, actor)).thenApply(done -> new StoryPayload(storyId));
    }

    @MutationMapping
    public CompletableFuture<BeatPayload> rateBeat(@Argument String storyId, @Argument String beatId, @Argument int rating,
            Actor actor) {
        return commands.send(new RateBeat(storyId, beatId, rating, actor)).thenApply(done -> new BeatPayload(storyId, beatId));
    }

    @MutationMapping
    public CompletableFuture<BeatPayload> flagBeat(@Argument String storyId, @Argument String beatId,
            @Argument List<HarmCategory> categories, @Argument int severity, @Argument Boolean realWorld, Actor actor) {
        return commands.send(new FlagBeat(storyId, beatId, categories, severity, Boolean.TRUE.equals(realWorld), actor))
                .thenApply(done -> new BeatPayload(storyId, beatId));
    }

    @MutationMapping
    public CompletableFuture<StoryPayload> setAuthorsNote(@Argument String storyId, @Argument String note, Actor actor) {
        return commands.send(new SetAuthorsNote(storyId, note, actor)).thenApply(done -> new StoryPayload(storyId));
    }

    @MutationMapping
    public CompletableFuture<StoryPayload> setPinnedMemory(@Argument String storyId, @Argument String memory, Actor actor) {
        return commands.send(new SetPinnedMemory(storyId, memory, actor)).thenApply(done -> new StoryPayload(storyId));
    }

    @MutationMapping
    public CompletableFuture<StoryPayload> endStory(@Argument String storyId, Actor actor) {
        return commands.send(new EndStory(storyId, actor)).thenApply(done -> new StoryPayload(storyId));
    }

    private static String newId() {
        return UUID.randomUUID().toString();
    }
}
