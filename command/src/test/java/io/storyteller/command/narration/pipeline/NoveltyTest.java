package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class NoveltyTest {

    @Test
    void aBeatRepeatingTheLastOneScoresLowerThanAFreshOne() {
        List<String> recent = List.of("The rain falls on the harbour and the gulls cry over the boats.");
        double repeated = Novelty.score("The rain falls on the harbour and the gulls cry over the boats.", recent);
        double fresh = Novelty.score("Captain Mora unrolls a chart stained with salt and points north.", recent);

        assertThat(repeated).isLessThan(0.6);
        assertThat(fresh).isEqualTo(1.0);
    }

    @Test
    void aTrigramAnyRecentNarrationUsedIsNotFresh() {
        List<String> recent = List.of("Ash drifts over the quay", "The tide turns at dusk");
        // trigrams: "the tide turns" (second narration), "tide turns ash", "turns ash drifts", "ash drifts over" (first)
        double score = Novelty.score("The tide turns, ash drifts over", recent);

        assertThat(score).isEqualTo(0.5 * 2 / 4 + 0.5 * 1.0);
        assertThat(Novelty.score("The tide turns, ash drifts over", recent)).isEqualTo(score); // read again, kept
    }

    @Test
    void repetitionWithinTheBeatCountsToo() {
        assertThat(Novelty.score("the bell rang the bell rang the bell rang the bell rang", List.of()))
                .isLessThan(Novelty.score("the bell rang once and the hall fell silent at last", List.of()));
        assertThat(Novelty.distinct("a b a b", 2)).isEqualTo(2.0 / 3);
    }
}
