package io.storyteller.ops.benchmark;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.StartStory;
import io.storyteller.domain.world.AddLoreEntry;
import io.storyteller.domain.world.AddWorldMember;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.CreateWorld;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The pipeline benchmark's world, made through the command gateway as its admins would: a TEEN
 * world with {@code loreEntries} lore entries ({@link LoreCorpus}: named figures with a role, a
 * place and a trait; keyed by name and role), one player, and that player's stories. Every entry is
 * an event, so the narration context folds them and the lore projection indexes them as in use.
 */
final class PipelineWorld {

    static final String WORLD_ID = "bench-pipeline-world";
    /** Commands in flight while the lore is added: one aggregate takes them in turn, this only hides the round trips. */
    private static final int IN_FLIGHT = 16;
    private static final Actor ADMIN = new Actor("bench-pipeline-admin", Set.of(PlatformRole.WORLD_ADMIN));
    static final Actor PLAYER = new Actor("bench-pipeline-player", Set.of(PlatformRole.PLAYER));

    private final CommandGateway commands;

    PipelineWorld(CommandGateway commands) {
        this.commands = commands;
    }

    /** @return seconds the lore commands took */
    double create(int loreEntries) {
        commands.sendAndWait(new CreateWorld(WORLD_ID, new WorldSettings("Many-lore coast (pipeline benchmark)",
                "A fog-bound coast of ten thousand figures, drowned bells and a lighthouse that went dark forty years ago.",
                "mystery", "brooding", ContentRating.TEEN, "Second person, present tense, sensory detail."), ADMIN));
        commands.sendAndWait(new AddWorldMember(WORLD_ID, PLAYER.userId(), WorldRole.PLAYER, ADMIN));
        long start = System.nanoTime();
        List<CompletableFuture<Object>> inFlight = new ArrayList<>();
        for (int i = 0; i < loreEntries; i++) {
            inFlight.add(commands.send(new AddLoreEntry(WORLD_ID, loreEntryId(i), LoreCorpus.entry(i), ADMIN)));
            if (inFlight.size() == IN_FLIGHT) {
                inFlight.forEach(CompletableFuture::join);
                inFlight.clear();
            }
        }
        inFlight.forEach(CompletableFuture::join);
        return (System.nanoTime() - start) / 1e9;
    }

    List<String> startStories(int count) {
        return startStories("bench-pipeline-story-", count);
    }

    List<String> startStories(String prefix, int count) {
        List<String> stories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String storyId = prefix + i;
            commands.sendAndWait(new StartStory(storyId, WORLD_ID, "Pipeline story " + i, PLAYER));
            stories.add(storyId);
        }
        return stories;
    }

    static String loreEntryId(int index) {
        return "pipeline-lore-" + index;
    }
}
