package io.storyteller.command.housemodel.classifier.training;

import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.command.housemodel.classifier.reviewer.ReviewerExamples;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.BeatsErased;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the house reviewer learns from the event log: players' ratings of narrations, each with the
 * text the player read when rating it (the selected alternative, or its hand edit, as
 * {@link StandingBeatTexts} has it at the rating's place in the log), as the corpus export's ratings
 * read them. The latest rating of a beat by a player counts; a 3 says neither good nor poor and
 * withdraws that player's earlier verdict ({@link ReviewerExamples#ofRatings}). Not thread-safe;
 * folded by {@link ClassifierCorpus} after the texts, under its reader's lock.
 */
final class RatedNarrations {

    private record Verdict(LabelledText example, long at) {
    }

    private final StandingBeatTexts texts;
    private final Map<String, Verdict> verdicts = new LinkedHashMap<>();

    RatedNarrations(StandingBeatTexts texts) {
        this.texts = texts;
    }

    void apply(Object payload, long index) {
        switch (payload) {
            case BeatRated e -> rate(e, index);
            case BeatsErased e -> e.beatIds().forEach(beatId ->
                    verdicts.keySet().removeIf(verdict -> verdict.startsWith(key(e.storyId(), beatId))));
            default -> {
                // Nothing else says what players think of a narration.
            }
        }
    }

    private void rate(BeatRated e, long index) {
        String verdict = key(e.storyId(), e.beatId()) + e.ratedBy();
        String text = texts.narration(e.storyId(), e.beatId());
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

    /** {@code story/beat} and a separator no id holds, so one beat's verdicts share a prefix. */
    private static String key(String storyId, String beatId) {
        return storyId + "/" + beatId + "\u0001";
    }
}
