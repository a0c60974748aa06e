package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.command.slot.RouteChoice;
import io.storyteller.domain.deployment.NarratorRoute;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutRoute;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.StageVerdict;
import org.junit.jupiter.api.Test;

/** The mirrored verdict of a shadow phase is recorded beside the deciding one and never decides. */
class RoutedJudgingTest {

    private static final ModelRef STABLE = new ModelRef("house-classifier:detector", "1");
    private static final ModelRef CANDIDATE = new ModelRef("house-classifier:detector", "2");
    private static final NarratorRoute SHADOW = new NarratorRoute("detector:global", STABLE,
            new RolloutRoute("r1", CANDIDATE, RolloutPhase.SHADOW, 0));

    @Test
    void theStableDecidesWhileTheMirroredCandidateScoresTheSameText() {
        StageOutcome<Double> judged = RoutedJudging.run(UseCase.DETECTOR, RouteChoice.of(SHADOW, "s1"),
                ref -> ref.equals(STABLE) ? 0.1 : 0.9, StageVerdict::scored);

        assertThat(judged.verdict()).isEqualTo(0.1);
        assertThat(judged.calls()).extracting(StageVerdict::arm, StageVerdict::modelVersion, StageVerdict::detectorScore,
                        StageVerdict::rolloutStep)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NarrationArm.STABLE, "1", 0.1, 0),
                        org.assertj.core.groups.Tuple.tuple(NarrationArm.SHADOW, "2", 0.9, 0));
    }

    @Test
    void aMirrorThatThrowsOrGivesNothingIsAFailedCallNotAFailedTurn() {
        StageOutcome<Double> thrown = RoutedJudging.run(UseCase.REVIEWER, RouteChoice.of(SHADOW, "s1"), ref -> {
            if (ref.equals(CANDIDATE)) {
                throw new IllegalStateException("candidate down");
            }
            return 0.75;
        }, StageVerdict::reviewed);
        StageOutcome<Double> silent = RoutedJudging.run(UseCase.REVIEWER, RouteChoice.of(SHADOW, "s1"),
                ref -> ref.equals(STABLE) ? 0.5 : null, StageVerdict::reviewed);

        assertThat(thrown.verdict()).isEqualTo(0.75);
        assertThat(thrown.calls()).extracting(StageVerdict::failed).containsExactly(false, true);
        assertThat(silent.verdict()).isEqualTo(0.5);
        assertThat(silent.calls().get(1)).extracting(StageVerdict::failed, StageVerdict::reviewScore)
                .containsExactly(true, null);
    }

    @Test
    void outsideARolloutOnlyTheStableIsCalledAndRecorded() {
        StageOutcome<Double> judged = RoutedJudging.run(UseCase.DETECTOR,
                RouteChoice.of(new NarratorRoute("detector:global", STABLE, null), "s1"), ref -> 0.3, StageVerdict::scored);

        assertThat(judged.calls()).singleElement().satisfies(call -> {
            assertThat(call.arm()).isEqualTo(NarrationArm.STABLE);
            assertThat(call.rolloutId()).isNull();
            assertThat(call.detectorScore()).isEqualTo(0.3);
        });
    }
}
