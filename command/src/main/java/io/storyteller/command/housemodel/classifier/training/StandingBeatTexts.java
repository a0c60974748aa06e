package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each standing beat's text as its events leave it, folded in log order: a flag stored without the
 * text it judged (since the Story aggregate keeps no texts) is labelled with the text as it stood
 * when flagged, and a rating with the text the player read. As in the aggregate: a retry adds and
 * selects an alternative, an edit rewrites the selected one, an erasure removes the beat.
 */
final class StandingBeatTexts {

    private static final class Alternatives {
        final List<String> texts = new ArrayList<>();
        int selected;
        boolean narration;
    }

    private final Map<String, Alternatives> beats = new HashMap<>();

    void apply(Object payload) {
        switch (payload) {
            case PlayerActionSubmitted e -> put(e.storyId(), e.actionBeatId(), 0, e.text()).narration = false;
            case NarrationRecorded e -> put(e.storyId(), e.narrationBeatId(), e.alternativeIndex(), e.text()).narration = true;
            case NarrationAlternativeSelected e -> {
                Alternatives beat = beats.get(key(e.storyId(), e.beatId()));
                if (beat != null && e.alternativeIndex() >= 0 && e.alternativeIndex() < beat.texts.size()) {
                    beat.selected = e.alternativeIndex();
                }
            }
            case BeatEdited e -> {
                Alternatives beat = beats.get(key(e.storyId(), e.beatId()));
                if (beat != null) {
                    beat.texts.set(beat.selected, e.editedText());
                }
            }
            case BeatsErased e -> e.beatIds().forEach(beatId -> beats.remove(key(e.storyId(), beatId)));
            default -> {
                // Nothing else changes a beat's text.
            }
        }
    }

    /** The beat's text as it stands, or null when no standing beat has that id. */
    String text(String storyId, String beatId) {
        Alternatives beat = beats.get(key(storyId, beatId));
        return beat == null ? null : beat.texts.get(beat.selected);
    }

    /** The narration's text as it stands, or null when no standing narration has that id. */
    String narration(String storyId, String beatId) {
        Alternatives beat = beats.get(key(storyId, beatId));
        return beat == null || !beat.narration ? null : beat.texts.get(beat.selected);
    }

    private Alternatives put(String storyId, String beatId, int index, String text) {
        Alternatives beat = beats.computeIfAbsent(key(storyId, beatId), k -> new Alternatives());
        while (beat.texts.size() <= index) {
            beat.texts.add("");
        }
        beat.texts.set(index, text == null ? "" : text);
        beat.selected = index;
        return beat;
    }

    private static String key(String storyId, String beatId) {
        return storyId + "/" + beatId;
    }
}
