package io.storyteller.command.continuity.recording;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The beats of one story as they now stand (selected alternative, edits, erasures), folded from the
 * Story's own event stream, remembering how far it has read so that catching up reads only what
 * was appended since.
 */
final class StoryBeatTexts {

    /** What the engine is given of the story before a beat: enough to resolve "the bridge" to the one named. */
    static final int MAX_TOLD_BEFORE = 16_000;

    private final Map<String, Beat> beats = new LinkedHashMap<>();
    private long nextSequence;

    long nextSequence() {
        return nextSequence;
    }

    void apply(Object payload, long sequenceNumber) {
        switch (payload) {
            case PlayerActionSubmitted e -> beats.put(e.actionBeatId(), new Beat(true, e.text()));
            case NarrationRecorded e -> {
                Beat beat = beats.get(e.narrationBeatId());
                if (e.alternativeIndex() == 0 || beat == null) {
                    beats.put(e.narrationBeatId(), new Beat(false, e.text()));
                } else {
                    beat.choose(e.alternativeIndex(), e.text());
                }
            }
            case NarrationAlternativeSelected e -> {
                Beat beat = beats.get(e.beatId());
                if (beat != null) {
                    beat.select(e.alternativeIndex());
                }
            }
            case BeatEdited e -> {
                Beat beat = beats.get(e.beatId());
                if (beat != null) {
                    beat.edit(e.editedText());
                }
            }
            case BeatsErased e -> e.beatIds().forEach(beats::remove);
            default -> {
                // Facts, ratings, notes and the rest do not change what a beat says.
            }
        }
        nextSequence = sequenceNumber + 1;
    }

    /** The beat as it now stands; empty when the story does not hold it (erased, or never there). */
    Optional<BeatToRead> beat(String beatId) {
        StringBuilder told = new StringBuilder();
        int position = 0;
        for (Map.Entry<String, Beat> entry : beats.entrySet()) {
            position++;
            Beat beat = entry.getValue();
            if (entry.getKey().equals(beatId)) {
                String before = told.length() > MAX_TOLD_BEFORE ? told.substring(told.length() - MAX_TOLD_BEFORE) : told.toString();
                return Optional.of(new BeatToRead(beat.text(), position, beat.playerAction, before.strip()));
            }
            told.append(' ').append(beat.text());
        }
        return Optional.empty();
    }

    /** A beat and its alternatives (a narration's retry stack), as the Story aggregate keeps them. */
    private static final class Beat {

        final boolean playerAction;
        final List<String> alternatives = new ArrayList<>();
        int selected;

        Beat(boolean playerAction, String text) {
            this.playerAction = playerAction;
            alternatives.add(text == null ? "" : text);
        }

        void choose(int index, String text) {
            while (alternatives.size() <= index) {
                alternatives.add("");
            }
            alternatives.set(index, text == null ? "" : text);
            selected = index;
        }

        void select(int index) {
            if (index >= 0 && index < alternatives.size()) {
                selected = index;
            }
        }

        void edit(String text) {
            alternatives.set(selected, text == null ? "" : text);
        }

        String text() {
            return alternatives.get(selected);
        }
    }
}
