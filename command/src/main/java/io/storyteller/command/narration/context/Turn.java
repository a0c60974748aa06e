package io.storyteller.command.narration.context;

import io.storyteller.domain.story.BeatKind;

/** One beat as the prompt needs it: who said what. */
public record Turn(String beatId, BeatKind kind, String playerId, String text) {

    boolean isAction() {
        return kind == BeatKind.PLAYER_ACTION;
    }
}
