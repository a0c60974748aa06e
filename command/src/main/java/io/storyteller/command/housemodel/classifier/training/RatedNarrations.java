package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerExamples;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the house reviewer learns from the event log: players' ratings of narrations, each with the
 * text the player read when rating it (the selected alternative, or its hand edit), as the corpus
 * export's ratings read them. The latest rating of a beat by a player counts; a 3 says neither good
 * nor poor and withdraws that player's earlier verdict ({@link ReviewerExamples#ofRatings}). Not
 * thread-safe; {@link ClassifierCorpus} is folded under its reader's lock.
 */
final class RatedNarrations {

    static final Set<Class<?>> FOLDED = Set.of(NarrationRecorded.class, NarrationAlternativeSelected.class,
            BeatEdited.class, BeatsErased.class, BeatRated.class);

    private record Verdict(LabelledText example, long at) {
    }

    /** Per narration beat ({@code story/beat}): its alternatives as they stand and the one selected. */
    private static final class Narration {
        private final List<String> alternatives = new ArrayList<>();
        private int selected;

        String text() {
            return selected < alternatives.size() ? alternatives.get(selected) : null;
        }
    }

    private final Map<String, Narration> narrations = new HashMap<>();
    private final Map<String, Verdict> verdicts = new LinkedHashMap<>();

    void apply(Object payload, long index) {
        switch (payload) {
            case NarrationRecorded e -> record(key(e.storyId(), e.narrationBeatId()), e.alternativeIndex(), e.text());
            case NarrationAlternativeSelected e -> {
                Narration narration = narrations.get(key(e.storyId(), e.beatId()));
                if (narration != null && e.alternativeIndex() >= 0 && e.alternativeIndex() < narration.alternatives.size()) {
                    narration.selected = e.alternativeIndex();
                }
            }
            case BeatEdited e -> {
                Narration narration = narrations.get(key(e.storyId(), e.beatId()));
                if (narration != null && narration.text() != null) {
                    narration.alternatives.set(narration.selected, e.editedText()); // an edit rewrites the selected one
                }
            }
            case BeatsErased e -> e.beatIds().forEach(beatId -> {
                narrations.remove(key(e.storyId(), beatId));
                verdicts.keySet().removeIf(verdict -> verdict.startsWith(key(e.storyId(), beatId) + "\u0001"));
            });
            case BeatRated e -> rate(e, index);
            default -> {
                // Nothing else says what players think of a narration.
            }
        }
    }

    private void record(String key, int alternative, String text) {
        Narration narration = narrations.computeIfAbsent(key, k -> new Narration());
        while (narration.alternatives.size() <= alternative) {
            narration.alternatives.add(null);
        }
        narration.alternatives.set(alternative, text);
        narration.selected = alternative; // a retry's new alternative is the one the player reads
    }

    private void rate(BeatRated e, long index) {
        String verdict = key(e.storyId(), e.beatId()) + "\u0001" + e.ratedBy();
        Narration narration = narrations.get(key(e.storyId(), e.beatId()));
        String text = narration == null ? null : narration.text();
        if (text == null || text.isBlank() || e.rating() == 3 || e.rating() < 1 || e.rating() > 5) {
            verdicts.remove(verdict); // an action's beat, a neutral rating or one out of range teaches nothing
            return;
        }
        verdicts.put(verdict, new Verdict(ReviewerExamples.example(text, e.rating() >= 4), index));
    }

    List<LabelledText> examples() {
        return verdicts.values().stream().map(Verdict::example).toList();
    }

    int since(long index) {
        return (int) verdicts.values().stream().filter(verdict -> verdict.at() > index).count();
    }

    private static String key(String storyId, String beatId) {
        return storyId + "/" + beatId;
    }
}
