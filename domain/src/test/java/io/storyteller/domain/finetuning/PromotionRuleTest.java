package io.storyteller.domain.finetuning;

import static io.storyteller.domain.finetuning.FineTuningExamples.BASE;
import static io.storyteller.domain.finetuning.FineTuningExamples.CANDIDATE;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.validation.ModelValidated;
import io.storyteller.domain.validation.ValidationGate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Promote only what passed and beat the incumbent by the margin: (wins − losses) / (wins + losses + ties) ≥ margin. */
class PromotionRuleTest {

    private static ModelValidated validated(boolean passed, ModelRef incumbent, int wins, int losses, int ties) {
        return new ModelValidated(CANDIDATE.modelId(), CANDIDATE.version(), "val-1", "detector", incumbent, passed,
                List.of(new ValidationGate("detector.auroc", 0.81, 0.80, 0.7, true, passed)), wins, losses, ties,
                List.of(), List.of(), "validator");
    }

    @Test
    void aPassedCandidateAtTheMarginIsPromoted() {
        PromotionDecision decision = PromotionRule.decide(validated(true, BASE, 6, 2, 2), 0.4);
        assertThat(decision.promote()).isTrue();
        assertThat(decision.score()).isEqualTo(0.4);
        assertThat(decision.reasons()).isEmpty();
    }

    @Test
    void belowTheMarginItIsNotAndTheReasonSaysByHowMuch() {
        PromotionDecision decision = PromotionRule.decide(validated(true, BASE, 5, 3, 2), 0.4);
        assertThat(decision.promote()).isFalse();
        assertThat(decision.reasons()).singleElement().asString().contains("0.200").contains("margin 0.400");
    }

    @Test
    void marginZeroAllowsTiesButNotMoreLossesThanWins() {
        assertThat(PromotionRule.decide(validated(true, BASE, 0, 0, 10), 0).promote()).isTrue();
        assertThat(PromotionRule.decide(validated(true, BASE, 3, 4, 3), 0).promote()).isFalse();
    }

    @Test
    void aFailedGateRejectsWhateverTheScoreNamingTheGate() {
        PromotionDecision decision = PromotionRule.decide(validated(false, BASE, 9, 0, 0), 0);
        assertThat(decision.promote()).isFalse();
        assertThat(decision.reasons()).singleElement().asString().contains("detector.auroc");
    }

    @Test
    void withoutIncumbentPassingIsEnough() {
        PromotionDecision decision = PromotionRule.decide(validated(true, null, 0, 5, 0), 0.5);
        assertThat(decision.promote()).isTrue();
        assertThat(decision.score()).isNull();
    }
}
