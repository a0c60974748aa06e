package io.storyteller.command.housemodel.classifier.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardrailLabelsTest {

    private static Map<String, Float> scoresOf(java.util.Set<String> labels) {
        Map<String, Float> scores = new HashMap<>();
        GuardrailLabels.all().forEach(label -> scores.put(label, labels.contains(label) ? 0.9f : 0.1f));
        return scores;
    }

    @Test
    void severitiesAreCumulativeLabelsPerCategoryAndOverall() {
        HarmAssessment assessment = new HarmAssessment(Map.of(HarmCategory.HATE, 2), false);
        assertThat(GuardrailLabels.encode(assessment)).containsExactlyInAnyOrder("hate>=1", "hate>=2", "any>=1", "any>=2");
        assertThat(GuardrailLabels.encode(HarmAssessment.benign())).isEmpty();
        assertThat(GuardrailLabels.encode(new HarmAssessment(Map.of(HarmCategory.ILLEGAL, 3), true)))
                .contains("illegal>=3", "any>=3", GuardrailLabels.REAL_WORLD);
    }

    @Test
    void decodingConfidentScoresGivesTheAssessmentBack() {
        for (HarmAssessment assessment : new HarmAssessment[] {HarmAssessment.benign(),
                new HarmAssessment(Map.of(HarmCategory.VIOLENCE, 1), false),
                new HarmAssessment(Map.of(HarmCategory.SEXUAL, 2, HarmCategory.HARASSMENT, 2), false),
                new HarmAssessment(Map.of(HarmCategory.SELF_HARM, 3), true)}) {
            assertThat(GuardrailLabels.decode(scoresOf(GuardrailLabels.encode(assessment)), 0.5)).isEqualTo(assessment);
        }
    }

    @Test
    void aLevelCountsOnlyWhenEveryLowerLevelDoes() {
        Map<String, Float> scores = scoresOf(java.util.Set.of("violence>=2"));
        assertThat(GuardrailLabels.decode(scores, 0.5)).isEqualTo(HarmAssessment.benign());
    }

    @Test
    void theOverallSeverityRaisesTheLikeliestCategory() {
        Map<String, Float> scores = scoresOf(java.util.Set.of("any>=1", "any>=2"));
        scores.put("illegal>=1", 0.45f);
        assertThat(GuardrailLabels.decode(scores, 0.5))
                .isEqualTo(new HarmAssessment(Map.of(HarmCategory.ILLEGAL, 2), false));
    }

    @Test
    void aRealWorldScoreMakesTheTextSevere() {
        Map<String, Float> scores = scoresOf(java.util.Set.of("harassment>=1", GuardrailLabels.REAL_WORLD));
        HarmAssessment decoded = GuardrailLabels.decode(scores, 0.5);
        assertThat(decoded.neverAllowed()).isTrue();
        assertThat(decoded.severity(HarmCategory.HARASSMENT)).isEqualTo(3);
    }
}
