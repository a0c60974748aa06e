package io.storyteller.domain.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

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

    /**
     * Equal by value, so that a story rebuilt from its events can be compared with the one that
     * applied them (Axon's test fixture does so to catch state changed outside event handlers).
     */
    @Override
    public boolean equals(Object other) {
        return other instanceof Beat beat && beatId.equals(beat.beatId) && kind == beat.kind
                && Objects.equals(actionBeatId, beat.actionBeatId) && alternatives.equals(beat.alternatives)
                && selected == beat.selected;
    }

    @Override
    public int hashCode() {
        return beatId.hashCode();
    }
}
