package io.storyteller.domain.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A story rebuilt from its events must equal the one that applied them, beat for beat. */
class BeatTest {

    private static Beat narration() {
        Beat beat = new Beat("n1", BeatKind.NARRATION, "a1", "The sea answers.");
        beat.addAlternative(1, "The sea sighs.");
        return beat;
    }

    @Test
    void beatsWithTheSameMemoryAreEqual() {
        assertThat(narration()).isEqualTo(narration()).hasSameHashCodeAs(narration());
    }

    @Test
    void beatsDifferInAnyPartOfTheirMemory() {
        Beat otherSelection = narration();
        otherSelection.selected = 0;
        Beat edited = narration();
        edited.replaceText("The sea roars.");
        assertThat(narration())
                .isNotEqualTo(otherSelection)
                .isNotEqualTo(edited)
                .isNotEqualTo(new Beat("n2", BeatKind.NARRATION, "a1", "The sea answers."))
                .isNotEqualTo(new Beat("n1", BeatKind.PLAYER_ACTION, "a1", "The sea answers."))
                .isNotEqualTo(new Beat("n1", BeatKind.NARRATION, "a0", "The sea answers."))
                .isNotEqualTo("n1");
    }

    @Test
    void aBeatShowsTheTextOfItsSelectedAlternativeAsEdited() {
        Beat beat = narration();
        assertThat(beat.shows("The sea sighs.")).isTrue();
        assertThat(beat.shows("The sea answers.")).isFalse();
        beat.selected = 0;
        assertThat(beat.shows("The sea answers.")).isTrue();
        beat.replaceText("The sea roars.");
        assertThat(beat.shows("The sea roars.")).isTrue();
        assertThat(beat.shows("The sea answers.")).isFalse();
        assertThat(beat.shows(null)).isFalse();
    }

    @Test
    void anActionAnswersItselfAndANarrationItsAction() {
        assertThat(new Beat("a1", BeatKind.PLAYER_ACTION, "a1", "I ring the bell.").actionBeatId()).isEqualTo("a1");
        assertThat(narration().actionBeatId()).isEqualTo("a1");
    }

    @Test
    void aFingerprintHasTheSameSizeForAnyText() {
        TextFingerprint shortText = TextFingerprint.of("x");
        TextFingerprint longText = TextFingerprint.of("x".repeat(8000));
        assertThat(longText.length()).isEqualTo(8000);
        assertThat(longText).isNotEqualTo(shortText);
        assertThat(longText.matches("x".repeat(8000))).isTrue();
        assertThat(longText.matches("x".repeat(7999) + "y")).isFalse();
    }
}
