package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CandidateJudgeTest {

    static final TurnGround GROUND = new TurnGround("w-1", "s-1", ContentRating.TEEN, List.of(),
            List.of("> I open the door."), "I open the door.", List.of());
    static final HarmVerdict ALLOWED = new HarmVerdict("guard", "1", Map.of(), true, List.of());

    final ContinuityReview consistent = (ground, candidate) -> new ContinuityFindings(List.of(), List.of());
    final TextDetector byLength = (world, text) -> new TextDetector.DetectorReading(text.length() / 100.0, "det", "1");
    final HarmGuard allowing = (world, rating, text, source) -> ALLOWED;

    @Test
    void eachDraftIsJudgedInItsOwnPlaceAndAFailedDraftIsNotJudged() {
        Coherence byIndex = (ground, candidates) -> candidates.stream().mapToDouble(c -> c.startsWith("A") ? 0.9 : 0.1)
                .toArray();
        CandidateJudge judge = new CandidateJudge(consistent, byIndex, byLength, allowing);

        List<Judgement> judged = judge.judge(GROUND, List.of(new Draft(0, 1, "A door opens onto a hall."),
                new Draft(1, 1, null), new Draft(2, 1, "Beyond it, rain.")));

        assertThat(judged).extracting(j -> j.draft().index()).containsExactly(0, 1, 2);
        assertThat(judged.get(0).scores().coherence()).isEqualTo(0.9);
        assertThat(judged.get(0).scores().detector()).isEqualTo(0.25);
        assertThat(judged.get(1).answered()).isFalse();
        assertThat(judged.get(2).scores().coherence()).isEqualTo(0.1);
        assertThat(judged.get(2).scores().detector()).isEqualTo(0.16);
    }

    /** The round's coherence waits here until a draft's continuity has begun: judged one after another, it never would. */
    @Test
    void theStagesOfARoundRunSideBySide() {
        CountDownLatch continuityBegun = new CountDownLatch(1);
        ContinuityReview signalling = (ground, candidate) -> {
            continuityBegun.countDown();
            return new ContinuityFindings(List.of(), List.of());
        };
        Coherence waiting = (ground, candidates) -> {
            try {
                assertThat(continuityBegun.await(10, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            return new double[] {0.5};
        };

        List<Judgement> judged = new CandidateJudge(signalling, waiting, byLength, allowing)
                .judge(GROUND, List.of(new Draft(0, 1, "The hall is dark.")));

        assertThat(judged.getFirst().scores().coherence()).isEqualTo(0.5);
    }

    @Test
    void aFailingStageFailsTheRoundWithItsOwnError() {
        HarmGuard down = (world, rating, text, source) -> {
            throw new IllegalStateException("the guardrail could not be reached");
        };
        CandidateJudge judge = new CandidateJudge(consistent, (ground, candidates) -> new double[candidates.size()],
                byLength, down);

        assertThatThrownBy(() -> judge.judge(GROUND, List.of(new Draft(0, 1, "The hall is dark."))))
                .isInstanceOf(IllegalStateException.class).hasMessage("the guardrail could not be reached");
    }
}
