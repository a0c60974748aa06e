package io.storyteller.command.narration.pipeline;

import io.storyteller.command.narration.context.ActiveLore;
import io.storyteller.domain.world.ContentRating;
import java.util.List;

/**
 * What a turn's candidates are judged against: the world's rating and lore, the story so far and
 * the action being answered.
 *
 * @param lore       the world's active lore entries (every one: a contradiction of lore not given
 *                   to the narrator is still a contradiction)
 * @param storyLines the story's recent beats, oldest first; player actions start with {@code "> "}
 * @param action     the action being answered
 * @param factEvents the story's continuity fact events, oldest first
 */
public record TurnGround(String worldId, String storyId, ContentRating rating, List<ActiveLore> lore,
        List<String> storyLines, String action, List<Object> factEvents) {

    public TurnGround {
        lore = lore == null ? List.of() : List.copyOf(lore);
        storyLines = storyLines == null ? List.of() : List.copyOf(storyLines);
        factEvents = factEvents == null ? List.of() : List.copyOf(factEvents);
    }

    /** The narrations among the story lines, oldest first: what a candidate should not repeat. */
    public List<String> recentNarrations() {
        return storyLines.stream().filter(line -> !line.startsWith("> ")).toList();
    }
}
