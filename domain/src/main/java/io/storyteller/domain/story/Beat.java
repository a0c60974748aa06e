package io.storyteller.domain.story;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The Story aggregate's memory of one beat: enough to decide edits, retries and ratings. */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
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

    /** From the Story aggregate's snapshot. */
    @JsonCreator
    private Beat(@JsonProperty("beatId") String beatId, @JsonProperty("kind") BeatKind kind,
                 @JsonProperty("actionBeatId") String actionBeatId,
                 @JsonProperty("alternatives") List<String> alternatives, @JsonProperty("selected") int selected) {
        this.beatId = beatId;
        this.kind = kind;
        this.actionBeatId = actionBeatId;
        this.alternatives.addAll(alternatives);
        this.selected = selected;
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
