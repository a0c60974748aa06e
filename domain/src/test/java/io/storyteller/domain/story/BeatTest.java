package io.storyteller.domain.story;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A story rebuilt from its events must equal the one that applied them, beat for beat. */
class BeatTest {

    private static Beat narration() {
        Beat beat = new Beat("n1", BeatKind.NARRATION, "a1", "The sea answers.");
        beat.alternatives.add("The sea sighs.");
        beat.selected = 1;
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
}
