package io.storyteller.command.housemodel.classifier.guardrail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GuardrailCalibrationTest {

    private static Map<String, Float> scored(String label, float score) {
        Map<String, Float> scores = new HashMap<>();
        GuardrailLabels.all().forEach(l -> scores.put(l, 0.01f));
        scores.put(label, score);
        return scores;
    }

    /** Positives of a rare label score low (0.2-0.3), negatives lower: the threshold goes between, not to 0.5. */
    @Test
    void aRareLabelGetsTheThresholdThatSeparatesItsHeldOutScores() {
        List<Set<String>> labels = new ArrayList<>();
        List<Map<String, Float>> scores = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            labels.add(Set.of("hate>=2"));
            scores.add(scored("hate>=2", 0.2f + i * 0.01f));
            labels.add(Set.of());
            scores.add(scored("hate>=2", 0.05f + i * 0.005f));
        }
        Map<String, Double> thresholds = GuardrailCalibration.thresholds(labels, scores);
        assertThat(thresholds.get("hate>=2")).isGreaterThan(0.095).isLessThanOrEqualTo(0.2);
        assertThat(thresholds).as("labels no example holds stay uncalibrated").doesNotContainKey("sexual>=3");
    }

    @Test
    void theCalibratedThresholdReadsAsOneHalfAndTheOrderOfScoresIsKept() {
        assertThat(GuardrailCalibration.calibrated(0.2f, 0.2)).isCloseTo(0.5f, within(1e-4f));
        assertThat(GuardrailCalibration.calibrated(0.3f, 0.2)).isGreaterThan(0.5f);
        assertThat(GuardrailCalibration.calibrated(0.1f, 0.2)).isLessThan(0.5f);
        assertThat(GuardrailCalibration.calibrated(0.42f, null)).isEqualTo(0.42f);
    }
}
