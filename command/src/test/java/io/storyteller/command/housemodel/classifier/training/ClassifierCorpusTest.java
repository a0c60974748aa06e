package io.storyteller.command.housemodel.classifier.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.housemodel.classifier.LabelledText;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.NarrationAlternativeSelected;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The guardrail learns each flag with the text it judged, carried by the flag or folded from the beat's events. */
class ClassifierCorpusTest {

    private final ClassifierCorpus corpus = new ClassifierCorpus();
    private long index;

    private void apply(Object... payloads) {
        for (Object payload : payloads) {
            corpus.apply(payload, index++);
        }
    }

    private static BeatFlagged flag(String beatId, BeatKind kind) {
        return new BeatFlagged("s1", "w1", beatId, kind, null, List.of(HarmCategory.VIOLENCE), 1, false, "wanda");
    }

    private static NarrationRecorded narration(int alternative, String text) {
        return new NarrationRecorded("s1", "w1", "r" + alternative, "a1", "n1", alternative, text, null);
    }

    @Test
    void aFlagIsLearnedWithTheBeatsTextAsTheLogHoldsIt() {
        apply(new PlayerActionSubmitted("s1", "w1", "a1", "p", "I strike the guard."),
                flag("a1", BeatKind.PLAYER_ACTION));
        assertThat(corpus.flags()).extracting(LabelledText::text).containsExactly("I strike the guard.");
    }

    @Test
    void aFlagWithoutItsTextIsLearnedWithTheSelectedAlternativeAsEditedWhenFlagged() {
        apply(new PlayerActionSubmitted("s1", "w1", "a1", "p", "I wait."),
                narration(0, "The guard sleeps."),
                narration(1, "The guard draws steel."),
                new NarrationAlternativeSelected("s1", "n1", 0, "p"),
                new BeatEdited("s1", "n1", null, "The guard snores.", "p"),
                flag("n1", BeatKind.NARRATION),
                new BeatEdited("s1", "n1", null, "The guard wakes.", "p"));
        assertThat(corpus.flags()).extracting(LabelledText::text).containsExactly("The guard snores.");
    }

    @Test
    void aFlagOnABeatThatNoLongerStandsTeachesNothing() {
        apply(new PlayerActionSubmitted("s1", "w1", "a1", "p", "I wait."),
                new BeatsErased("s1", List.of("a1"), "p"),
                flag("a1", BeatKind.PLAYER_ACTION));
        assertThat(corpus.flags()).isEmpty();
    }
}
