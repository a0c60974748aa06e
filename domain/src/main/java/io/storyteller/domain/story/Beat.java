package io.storyteller.domain.story;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Story aggregate's memory of one beat: enough to decide edits, retries, selections, ratings,
 * flags and erasures, and nothing of its text but a {@link TextFingerprint} per alternative, so a
 * beat costs the same whatever its length. In a snapshot it is the array
 * {@code [beatId, kind, actionBeatId, alternatives, selected]}; an action's actionBeatId is itself,
 * stored as null.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
@JsonFormat(shape = JsonFormat.Shape.ARRAY)
@JsonPropertyOrder({"beatId", "kind", "actionBeatId", "alternatives", "selected"})
final class Beat {

    final String beatId;
    final BeatKind kind;
    /** The action a narration answers; null for an action, which answers nothing. */
    private final String actionBeatId;
    /** The fingerprint of each alternative's text as it stands (edits included). */
    final List<TextFingerprint> alternatives = new ArrayList<>();
    int selected;

    Beat(String beatId, BeatKind kind, String actionBeatId, String text) {
        this.beatId = beatId;
        this.kind = kind;
        this.actionBeatId = kind == BeatKind.PLAYER_ACTION ? null : actionBeatId;
        this.alternatives.add(TextFingerprint.of(text));
    }

    /** From the Story aggregate's snapshot. */
    @JsonCreator
    private Beat(@JsonProperty("beatId") String beatId, @JsonProperty("kind") BeatKind kind,
                 @JsonProperty("actionBeatId") String actionBeatId,
                 @JsonProperty("alternatives") List<TextFingerprint> alternatives, @JsonProperty("selected") int selected) {
        this.beatId = beatId;
        this.kind = kind;
        this.actionBeatId = actionBeatId;
        this.alternatives.addAll(alternatives);
        this.selected = selected;
    }

    /** The action this beat belongs to: itself for an action, the answered action for a narration. */
    String actionBeatId() {
        return actionBeatId == null ? beatId : actionBeatId;
    }

    /** Whether the beat shows this text now (its selected alternative, as edited). */
    boolean shows(String text) {
        return alternatives.get(selected).matches(text);
    }

    void addAlternative(int index, String text) {
        alternatives.add(TextFingerprint.of(text));
        selected = index;
    }

    void replaceText(String text) {
        alternatives.set(selected, TextFingerprint.of(text));
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
