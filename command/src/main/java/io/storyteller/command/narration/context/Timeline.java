package io.storyteller.command.narration.context;

import io.storyteller.domain.story.BeatKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The story so far as the narrator should see it: the beats before the action, and the action
 * to answer. The story's stream may have moved on since the event being narrated (a redelivery
 * after a restart): anything from the action on is left out, and for a retry the narration being
 * retried too, so that the prompt ends with the action. An action the beats do not hold (erased
 * since, or beyond the window) is taken from the event.
 *
 * @param action the action to answer; null only for a retry whose action the story no longer holds
 */
record Timeline(List<Turn> history, Turn action) {

    static Timeline of(List<Turn> turns, ActionToAnswer request) {
        int actionAt = indexOf(turns, request.actionBeatId());
        if (actionAt >= 0) {
            return new Timeline(turns.subList(0, actionAt), turns.get(actionAt));
        }
        if (!request.isRetry()) {
            return new Timeline(turns, new Turn(request.actionBeatId(), BeatKind.PLAYER_ACTION,
                    request.playerId(), request.text()));
        }
        int retriedAt = indexOf(turns, request.retriedBeatId());
        List<Turn> before = retriedAt >= 0 ? turns.subList(0, retriedAt) : turns;
        if (!before.isEmpty() && before.getLast().isAction()) {
            return new Timeline(before.subList(0, before.size() - 1), before.getLast());
        }
        return new Timeline(before, null);
    }

    /** The texts scanned for lore keys, oldest first: the last {@code beats} beats and the action. */
    List<String> scanTexts(int beats) {
        List<String> texts = new ArrayList<>();
        history.subList(Math.max(0, history.size() - beats), history.size()).forEach(t -> texts.add(t.text()));
        if (action != null) {
            texts.add(action.text());
        }
        return texts;
    }

    private static int indexOf(List<Turn> turns, String beatId) {
        if (beatId == null) {
            return -1;
        }
        for (int i = turns.size() - 1; i >= 0; i--) {
            if (beatId.equals(turns.get(i).beatId())) {
                return i;
            }
        }
        return -1;
    }
}
