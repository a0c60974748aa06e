package io.storyteller.command.continuity;

/** One beat of a story as the continuity check reads it: a narration or a player's action. */
public record StoryLine(String text, boolean playerAction) {

    private static final String ACTION_PREFIX = "> ";

    /** Reads the labelled sets' form, where a player's action starts with "> ". */
    public static StoryLine parse(String line) {
        return line.startsWith(ACTION_PREFIX)
                ? new StoryLine(line.substring(ACTION_PREFIX.length()).trim(), true)
                : new StoryLine(line.trim(), false);
    }

    public static StoryLine narration(String text) {
        return new StoryLine(text, false);
    }

    public static StoryLine action(String text) {
        return new StoryLine(text, true);
    }
}
