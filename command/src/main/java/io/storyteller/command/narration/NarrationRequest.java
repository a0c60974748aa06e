package io.storyteller.command.narration;

import io.storyteller.command.narration.context.ActionToAnswer;
import io.storyteller.domain.story.NarrationRetryRequested;
import io.storyteller.domain.story.PlayerActionSubmitted;

/**
 * One pending narration, as its triggering event tells it.
 *
 * @param retriedBeatId the narration beat being retried, or null for a new action or a retry after a failure
 * @param playerId      who acted; null for a retry (the action beat in the read model tells)
 * @param actionText    the action's text; null for a retry (the action beat in the read model tells)
 */
record NarrationRequest(String storyId,
        String worldId,
        String requestId,
        String actionBeatId,
        String retriedBeatId,
        String playerId,
        String actionText) {

    static NarrationRequest of(PlayerActionSubmitted event) {
        // The Story aggregate names a new action's request after the action's beat.
        return new NarrationRequest(event.storyId(), event.worldId(), event.actionBeatId(), event.actionBeatId(),
                null, event.playerId(), event.text());
    }

    static NarrationRequest of(NarrationRetryRequested event) {
        return new NarrationRequest(event.storyId(), event.worldId(), event.requestId(), event.actionBeatId(),
                event.narrationBeatId(), null, null);
    }

    /** The action to answer, as the context assembler needs it. */
    ActionToAnswer action() {
        return new ActionToAnswer(actionBeatId, retriedBeatId, playerId, actionText);
    }
}
