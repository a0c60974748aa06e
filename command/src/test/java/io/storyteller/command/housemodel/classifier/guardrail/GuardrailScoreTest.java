package io.storyteller.command.housemodel.classifier.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.safety.HarmAssessment;
import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.world.ContentRating;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardrailScoreTest {

    private static final Map<ContentRating, Boolean> FROM_TEEN = Map.of(ContentRating.EVERYONE, false,
            ContentRating.TEEN, true, ContentRating.MATURE, true, ContentRating.ADULT, true);
    private static final Map<ContentRating, Boolean> EVERYWHERE = Map.of(ContentRating.EVERYONE, true,
            ContentRating.TEEN, true, ContentRating.MATURE, true, ContentRating.ADULT, true);

    private static GuardrailVerdict verdict(HarmAssessment assessment) {
        return new GuardrailVerdict(assessment, Map.of(), "test");
    }

    @Test
    void aMissedHarmIsPassedWhereNotAllowedAndAFalseAlarmOnlyCostsAccuracy() {
        HarmAssessment fight = new HarmAssessment(Map.of(HarmCategory.VIOLENCE, 2), false);
        List<GuardrailCase> cases = List.of(
                new GuardrailCase("fight", "I shoot him.", TextSource.PLAYER, fight, FROM_TEEN),
                new GuardrailCase("riddle", "I solve the riddle.", TextSource.PLAYER, HarmAssessment.benign(), EVERYWHERE));
        // The fight judged benign (passed at E), the riddle judged a severe hate text (blocked below AO).
        GuardrailScore score = GuardrailScore.of(cases, List.of(verdict(HarmAssessment.benign()),
                verdict(new HarmAssessment(Map.of(HarmCategory.HATE, 3), false))));

        assertThat(score.passedWhereNotAllowed()).containsEntry(ContentRating.EVERYONE, 1).containsEntry(ContentRating.TEEN, 0);
        assertThat(score.notAllowed()).containsEntry(ContentRating.EVERYONE, 1).containsEntry(ContentRating.ADULT, 0);
        assertThat(score.passedWhereNotAllowedTotal()).isEqualTo(1);
        assertThat(score.accuracy()).containsEntry(ContentRating.EVERYONE, 0.0).containsEntry(ContentRating.TEEN, 0.5)
                .containsEntry(ContentRating.ADULT, 1.0);
    }
}
