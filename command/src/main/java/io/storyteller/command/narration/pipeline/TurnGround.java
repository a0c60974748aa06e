package io.storyteller.command.narration.pipeline;

import io.storyteller.command.narration.context.ActiveLore;
import io.storyteller.command.narration.context.EmbeddedContext;
import io.storyteller.command.narration.context.Lorebook;
import io.storyteller.command.narration.context.StoryContext;
import io.storyteller.command.narration.context.Turn;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.world.ContentRating;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a turn's candidates are judged against: the world's rating and lore, the story so far and
 * the action being answered.
 *
 * @param lore          the world's active lore, indexed by trigger key
 * @param loreInPlay    the lore entries the narrator was given this turn
 * @param storyLines    the story's recent beats, oldest first; player actions start with {@code "> "}
 * @param action        the action being answered
 * @param factEvents    the story's continuity fact events, oldest first
 * @param context       the turn's context being embedded beside the turn, or null (the judge embeds it)
 * @param firstLine     the story position (1-based) of the first story line: the story's recorded facts
 *                      name beats by their place in the whole story
 * @param beatIds       the beat of each story line, in the same order; empty when the lines are not
 *                      the story's recorded beats (then every line is read for facts)
 */
public record TurnGround(String worldId, String storyId, ContentRating rating, Lorebook lore, List<String> loreInPlay,
        List<String> storyLines, String action, List<Object> factEvents, ContextEmbedding context, int firstLine,
        List<String> beatIds) {

    /** A ground whose lines are not tied to recorded beats: each line is read for its facts. */
    public TurnGround(String worldId, String storyId, ContentRating rating, Lorebook lore, List<String> loreInPlay,
            List<String> storyLines, String action, List<Object> factEvents, ContextEmbedding context, int firstLine) {
        this(worldId, storyId, rating, lore, loreInPlay, storyLines, action, factEvents, context, firstLine, List.of());
    }

    /** A ground where every lore entry is in play and the context is not embedded yet. */
    public TurnGround(String worldId, String storyId, ContentRating rating, List<ActiveLore> lore,
            List<String> storyLines, String action, List<Object> factEvents) {
        this(worldId, storyId, rating, Lorebook.of(lore), lore == null ? List.of()
                : lore.stream().map(ActiveLore::loreEntryId).toList(), storyLines, action, factEvents, null, 1);
    }

    /**
     * The ground of a turn told in {@code context}: the lore in play is what the prompt carries, the
     * story lines the context's recent beats.
     *
     * @param loreInPlay the lore entries the prompt carries
     * @param embedding  the turn's context being embedded, or null
     */
    public static TurnGround of(String worldId, String storyId, StoryContext context, String action,
            List<String> loreInPlay, ContextEmbedding embedding) {
        return new TurnGround(worldId, storyId, context.world().contentRating(), context.lorebook(), loreInPlay,
                storyLines(context), action, context.factEvents(), embedding, context.firstBeat(),
                context.recentBeats().stream().map(Turn::beatId).toList());
    }

    /** The recent beats as the judge reads them, oldest first: player actions start with "> ". */
    public static List<String> storyLines(StoryContext context) {
        return context.recentBeats().stream()
                .map(turn -> turn.kind() == BeatKind.PLAYER_ACTION ? "> " + turn.text() : turn.text()).toList();
    }

    public TurnGround {
        lore = lore == null ? Lorebook.of(List.of()) : lore;
        loreInPlay = loreInPlay == null ? List.of() : List.copyOf(loreInPlay);
        storyLines = storyLines == null ? List.of() : List.copyOf(storyLines);
        factEvents = factEvents == null ? List.of() : List.copyOf(factEvents);
        firstLine = Math.max(firstLine, 1);
        beatIds = beatIds == null ? List.of() : List.copyOf(beatIds);
        if (!beatIds.isEmpty() && beatIds.size() != storyLines.size()) {
            throw new IllegalArgumentException("one beat id per story line: " + beatIds.size() + " for " + storyLines.size());
        }
    }

    /**
     * The lore a candidate is held to: what the narrator was given, and every entry the candidate
     * itself names by one of its keys. A world of ten thousand entries is not read whole for each
     * candidate; an entry neither given nor named has nothing to say about the candidate.
     */
    public List<ActiveLore> loreFor(String candidate) {
        Set<String> ids = new LinkedHashSet<>(loreInPlay);
        ids.addAll(lore.activatedBy(candidate).keySet());
        return ids.stream().map(lore::entry).filter(Objects::nonNull).toList();
    }

    /** The narrations among the story lines, oldest first: what a candidate should not repeat. */
    public List<String> recentNarrations() {
        return storyLines.stream().filter(line -> !line.startsWith("> ")).toList();
    }

    /** The turn's context text: what the coherence stage compares candidates with. */
    public String contextText() {
        return EmbeddedContext.text(storyLines, action);
    }
}
