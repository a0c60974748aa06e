package io.storyteller.command.brief;

/**
 * One recent beat of the story.
 *
 * @param action   whether a player wrote it (else it is a narration)
 * @param playerId who wrote an action; null for narrations
 */
public record BriefBeat(boolean action, String playerId, String text) {

    public BriefBeat {
        text = text == null ? "" : text;
    }
}
