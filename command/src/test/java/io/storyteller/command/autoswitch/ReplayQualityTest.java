package io.storyteller.command.autoswitch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayQualityTest {

    static final String ACTION = "I open the door";

    @Test
    void aReplyIsUsableFromTwentyToFourThousandCharacters() {
        String twenty = "x".repeat(19) + ".";
        assertThat(ReplayQuality.usable(twenty, ACTION)).isTrue();
        assertThat(ReplayQuality.usable(twenty.substring(1), ACTION)).isFalse();
        assertThat(ReplayQuality.usable("  " + twenty + "\n", ACTION)).as("trimmed").isTrue();
        String fourThousand = "x".repeat(3999) + ".";
        assertThat(ReplayQuality.usable(fourThousand, ACTION)).isTrue();
        assertThat(ReplayQuality.usable("x" + fourThousand, ACTION)).isFalse();
    }

    @Test
    void aBlankOrMissingReplyIsNotUsable() {
        assertThat(ReplayQuality.usable(null, ACTION)).isFalse();
        assertThat(ReplayQuality.usable("", ACTION)).isFalse();
        assertThat(ReplayQuality.usable(" \n\t ".repeat(10), ACTION)).isFalse();
    }

    @Test
    void aReplyEndsOnSentencePunctuationPossiblyInsideQuotes() {
        for (String end : List.of(".", "!", "?", "…", ".\"", "!”", "?’", ".)", "!\"*")) {
            assertThat(ReplayQuality.usable("The hall is silent and cold" + end, ACTION)).as(end).isTrue();
        }
        for (String end : List.of("", ",", ";", ":", " -", "\"")) {
            assertThat(ReplayQuality.usable("The hall is silent and cold" + end, ACTION)).as(end).isFalse();
        }
    }

    @Test
    void aReplyRepeatingTheActionVerbatimIsNotUsable() {
        assertThat(ReplayQuality.usable("You said: I  OPEN the\ndoor. Nothing happens.", ACTION)).isFalse();
        assertThat(ReplayQuality.usable("I open the door.", "I open the door.")).isFalse();
        assertThat(ReplayQuality.usable("You open the door. Nothing happens at all.", ACTION)).isTrue();
        assertThat(ReplayQuality.usable("You open the door. Nothing happens at all.", " ")).isTrue();
    }

    @Test
    void theScoreRunsFromOneForNoUsableReplyToFiveForAll() {
        assertThat(ReplayQuality.score(0, 4)).isEqualTo(1.0);
        assertThat(ReplayQuality.score(4, 4)).isEqualTo(5.0);
        assertThat(ReplayQuality.score(1, 4)).isEqualTo(2.0);
        assertThat(ReplayQuality.score(1, 3)).isEqualTo(2.33);
        assertThat(ReplayQuality.score(0, 0)).isNull();
        assertThatThrownBy(() -> ReplayQuality.score(5, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theP95IsTheNearestRank() {
        assertThat(ReplayEvaluation.p95(List.of())).isZero();
        assertThat(ReplayEvaluation.p95(List.of(7L))).isEqualTo(7);
        assertThat(ReplayEvaluation.p95(List.of(5L, 1L, 3L))).isEqualTo(5);
        List<Long> hundred = new java.util.ArrayList<>();
        for (long i = 100; i >= 1; i--) {
            hundred.add(i);
        }
        assertThat(ReplayEvaluation.p95(hundred)).isEqualTo(95);
    }
}
