package io.storyteller.command.narration.context;

/**
 * The player action a narration answers, as its triggering event tells it.
 *
 * @param retriedBeatId the narration beat being retried, or null for a new action or a retry after a failure
 * @param playerId      who acted; null for a retry (the action beat in the story tells)
 * @param text          the action's text; null for a retry (the action beat in the story tells)
 */
public record ActionToAnswer(String actionBeatId, String retriedBeatId, String playerId, String text) {

    public boolean isRetry() {
        return text == null;
    }
}
