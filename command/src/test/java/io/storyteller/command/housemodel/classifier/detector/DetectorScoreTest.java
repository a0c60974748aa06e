package io.storyteller.command.housemodel.classifier.detector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.storyteller.command.housemodel.classifier.LabelledSetException;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DetectorScoreTest {

    private static final List<DetectorCase> CASES = List.of(new DetectorCase("h1", "a", false),
            new DetectorCase("h2", "b", false), new DetectorCase("g1", "c", true), new DetectorCase("g2", "d", true));

    @Test
    void aurocIsTheChanceAGeneratedTextOutscoresAHumanOne() {
        assertThat(DetectorScore.of(CASES, new double[] {0.1, 0.2, 0.8, 0.9}, 0.5).auroc()).isEqualTo(1.0);
        assertThat(DetectorScore.of(CASES, new double[] {0.9, 0.8, 0.2, 0.1}, 0.5).auroc()).isEqualTo(0.0);
        // g1 beats h1 only, g2 beats both: 3 of 4 pairs.
        assertThat(DetectorScore.of(CASES, new double[] {0.3, 0.6, 0.5, 0.7}, 0.5).auroc()).isCloseTo(0.75, within(1e-12));
        assertThat(DetectorScore.of(CASES, new double[] {0.5, 0.5, 0.5, 0.5}, 0.5).auroc()).isEqualTo(0.5);
    }

    @Test
    void theFalsePositiveRateIsTheShareOfHumanTextsAtOrAboveTheThreshold() {
        DetectorScore score = DetectorScore.of(CASES, new double[] {0.3, 0.6, 0.5, 0.7}, 0.5);
        assertThat(score.falsePositiveRate()).isEqualTo(0.5);
        assertThat(score.truePositiveRate()).isEqualTo(1.0);
        assertThat(score.human()).isEqualTo(2);
    }

    @Test
    void theBuiltInSetIsBalancedAndOnTheClasspath() {
        List<DetectorCase> cases = DetectorSet.builtIn();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(200);
        assertThat(cases.stream().filter(DetectorCase::generated).count() * 2).isEqualTo(cases.size());
        assertThat(cases.stream().map(DetectorCase::id).distinct().count()).isEqualTo(cases.size());
    }

    @Test
    void aBadLabelIsNamedByLineAndRule() {
        assertThatThrownBy(() -> DetectorSet.parse(List.of("{\"id\":\"x\",\"text\":\"t\",\"label\":\"robot\"}")))
                .isInstanceOfSatisfying(LabelledSetException.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.rule()).isEqualTo("human|generated");
                });
    }
}
