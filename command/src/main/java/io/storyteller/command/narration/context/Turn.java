package io.storyteller.command.narration.context;

import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatView;

/** One beat as the prompt needs it. */
record Turn(String beatId, BeatKind kind, String playerId, String text) {

    static Turn of(BeatView beat) {
        return new Turn(beat.beatId(), beat.kind(), beat.playerId(), beat.text() == null ? "" : beat.text());
    }

    boolean isAction() {
        return kind == BeatKind.PLAYER_ACTION;
    }
}
