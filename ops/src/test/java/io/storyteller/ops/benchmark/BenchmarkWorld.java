package io.storyteller.ops.benchmark;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.StartStory;
import io.storyteller.domain.world.AddLoreEntry;
import io.storyteller.domain.world.AddWorldMember;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.CreateWorld;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.WorldRole;
import io.storyteller.domain.world.WorldSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * The benchmark's world, made through the command gateway as a client would: created by a world
 * admin, with some lore and the players as members; each player starts their own stories in it.
 */
final class BenchmarkWorld {

    static final String WORLD_ID = "bench-world";
    private static final Actor ADMIN = new Actor("bench-admin", Set.of(PlatformRole.WORLD_ADMIN));

    private static final String[] ACTIONS = {
            "I raise the lantern and step onto the slick boards of the pier, listening for the bell.",
            "I ask the harbour master who last saw the Gull's Wake before the fog rolled in.",
            "I kneel by the tide pool and turn over the brass token we found, looking for a maker's mark.",
            "I follow the wet footprints up the cliff stairs, keeping one hand on the rope rail.",
            "I knock three times on the lighthouse door, the way the old fisherman told us to.",
            "I light a second wick and hold the flame close to the chart to read the faded soundings.",
            "I offer the smuggler a share of the salvage if she tells us where the cargo went.",
            "I climb into the rowing boat and push off towards the green light beyond the breakwater.",
    };

    private static final String[] NARRATIONS = {
            "The boards groan under your weight, and the lantern light slides across black water that "
                    + "seems to breathe. Somewhere past the last piling a bell answers, once, though no "
                    + "buoy has hung there in years. The fog parts just enough to show a rope, freshly cut, "
                    + "still swinging from the bollard.",
            "The harbour master sets down his pipe and studies you for a long moment. \"The Wake? "
                    + "Tuesday, near dusk. She ran without lamps, which no honest skipper does on this "
                    + "coast.\" He taps the ledger, where a line has been scraped away with a blade.",
            "Beneath the weed the token is warm, far warmer than the sea should allow. A maker's mark "
                    + "is stamped along its rim: a lantern inside a circle of waves, the sign of the "
                    + "keepers who tended the coast before the lighthouse went dark.",
            "The footprints climb steadily, then stop at a landing where the rail has been torn free. "
                    + "Gulls scatter from the ledge above. In the chalk of the cliff someone has scratched "
                    + "a tally of days, and the last mark is still powdery and fresh.",
    };

    private final CommandGateway commands;
    private final List<Actor> players = new ArrayList<>();
    private final List<String> loreEntryIds = new ArrayList<>();
    private final AtomicInteger storySequence = new AtomicInteger();

    private BenchmarkWorld(CommandGateway commands) {
        this.commands = commands;
    }

    static BenchmarkWorld create(CommandGateway commands, int playerCount) {
        BenchmarkWorld world = new BenchmarkWorld(commands);
        commands.sendAndWait(new CreateWorld(WORLD_ID, new WorldSettings("Lantern Coast (benchmark)",
                "A fog-bound coast of smugglers, drowned bells and a lighthouse that went dark forty years ago.",
                "mystery", "brooding", ContentRating.TEEN, "Second person, present tense, sensory detail."), ADMIN));
        world.addLore("lore-lighthouse", "The Dark Lighthouse", List.of("lighthouse", "keeper", "lamp"),
                "The lighthouse on Gannet Point has not been lit for forty years. Its last keeper vanished on the "
                        + "night the Gull's Wake ran aground; the lamp room is said to be locked from the inside.");
        world.addLore("lore-harbour", "Saltmarrow Harbour", List.of("harbour", "pier", "harbour master"),
                "A cramped harbour of tarred pilings and leaning sheds. The harbour master keeps a ledger of every "
                        + "boat that comes and goes, and sells its pages to whoever pays best.");
        world.addLore("lore-keepers", "The Keepers' Token", List.of("token", "brass", "maker's mark"),
                "Brass tokens stamped with a lantern in a ring of waves were carried by the old keepers' guild. "
                        + "They are warm to the touch near the sea and open certain doors along the coast.");
        for (int i = 0; i < playerCount; i++) {
            Actor player = new Actor("bench-player-" + i, Set.of(PlatformRole.PLAYER));
            commands.sendAndWait(new AddWorldMember(WORLD_ID, player.userId(), WorldRole.PLAYER, ADMIN));
            world.players.add(player);
        }
        return world;
    }

    private void addLore(String id, String title, List<String> keys, String content) {
        commands.sendAndWait(new AddLoreEntry(WORLD_ID, id, new LoreContent(title, keys, content, "place", 10, false), ADMIN));
        loreEntryIds.add(id);
    }

    Actor player(int index) {
        return players.get(index);
    }

    /** A new story for each of the first {@code count} players, started by that player; ids in player order. */
    List<String> startStories(String label, int count) {
        List<String> stories = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String storyId = "bench-" + label + "-" + storySequence.incrementAndGet();
            commands.sendAndWait(new StartStory(storyId, WORLD_ID, "Benchmark story " + storyId, players.get(i)));
            stories.add(storyId);
        }
        return stories;
    }

    static String action(int turn) {
        return ACTIONS[turn % ACTIONS.length];
    }

    static String narration(int turn) {
        return NARRATIONS[turn % NARRATIONS.length];
    }

    /** What the narration engine records for a real narration: a model, a prompt digest, lore, latency, tokens. */
    NarrationProvenance provenance(String action, String text) {
        return new NarrationProvenance("gpt-4o-mini", "2024-07-18", sha256(action), loreEntryIds,
                840, 1450 + action.length() / 4, text.length() / 4);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
