package io.storyteller.domain.story;

import java.util.ArrayList;
import java.util.List;

/** The Story aggregate's memory of one beat: enough to decide edits, retries and ratings. */
final class Beat {

    final String beatId;
    final BeatKind kind;
    final String actionBeatId;
    final List<String> alternatives = new ArrayList<>();
    int selected;

    Beat(String beatId, BeatKind kind, String actionBeatId, String text) {
        this.beatId = beatId;
        this.kind = kind;
        this.actionBeatId = actionBeatId;
        this.alternatives.add(text);
    }

    String text() {
        return alternatives.get(selected);
    }

    void replaceText(String text) {
        alternatives.set(selected, text);
    }
}
