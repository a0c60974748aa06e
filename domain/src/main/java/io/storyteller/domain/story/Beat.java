package io.storyteller.domain.story;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The Story aggregate's memory of one beat: enough to decide edits, retries, selections, ratings,
 * flags, erasures and fact readings, and nothing of its text but a {@link TextFingerprint} per
 * alternative, so a beat costs the same whatever its length. A snapshot stores it packed
 * ({@link PackedBeats}).
 */
final class Beat {

    final String beatId;
    final BeatKind kind;
    /** The action a narration answers; null for an action, which answers nothing. */
    private final String actionBeatId;
    /** The fingerprint of each alternative's text as it stands (edits included). */
    final List<TextFingerprint> alternatives = new ArrayList<>();
    int selected;
    /** The fingerprint of the beat's last fact reading ({@link StoryFactBook#fingerprint}); null until read. */
    TextFingerprint reading;

    Beat(String beatId, BeatKind kind, String actionBeatId, String text) {
        this(beatId, kind, actionBeatId, List.of(TextFingerprint.of(text)), 0, null);
    }

    /** As unpacked from a snapshot. */
    Beat(String beatId, BeatKind kind, String actionBeatId, List<TextFingerprint> alternatives, int selected,
         TextFingerprint reading) {
        this.beatId = beatId;
        this.kind = kind;
        this.actionBeatId = kind == BeatKind.PLAYER_ACTION ? null : actionBeatId;
        this.alternatives.addAll(alternatives);
        this.selected = selected;
        this.reading = reading;
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
                && selected == beat.selected && Objects.equals(reading, beat.reading);
    }

    @Override
    public int hashCode() {
        return beatId.hashCode();
    }
}
