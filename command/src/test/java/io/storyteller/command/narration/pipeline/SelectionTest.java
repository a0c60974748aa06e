package io.storyteller.command.narration.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateScores;
import io.storyteller.domain.story.HarmVerdict;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.GuardrailAction;
import io.storyteller.domain.world.NarrationPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectionTest {

    static final NarrationPolicy REGENERATE = policy(GuardrailAction.REGENERATE, 2);

    @Test
    void theEligibleCandidateWithTheHighestTotalWins() {
        Judgement low = judged(0, 0.4, 0.1, true);
        Judgement high = judged(1, 0.8, 0.2, true);
        Decision decision = Selection.decide(List.of(low, high), REGENERATE, ContentRating.TEEN, 1);

        assertThat(decision).isInstanceOf(Decision.Chosen.class);
        assertThat(((Decision.Chosen) decision).winner()).isSameAs(high);
        assertThat(Selection.outcome(high, decision, 0.9)).isEqualTo(CandidateOutcome.CHOSEN);
        assertThat(Selection.outcome(low, decision, 0.9)).isEqualTo(CandidateOutcome.OUTRANKED);
    }

    @Test
    void aBetterScoredCandidateLosesWhenTheRatingRefusesItOrTheDetectorFlagsIt() {
        Judgement refused = judged(0, 0.95, 0.1, false);
        Judgement flagged = judged(1, 0.9, 0.97, true);
        Judgement plain = judged(2, 0.5, 0.3, true);
        Decision decision = Selection.decide(List.of(refused, flagged, plain), REGENERATE, ContentRating.EVERYONE, 1);

        assertThat(((Decision.Chosen) decision).winner()).isSameAs(plain);
        assertThat(Selection.outcome(refused, decision, 0.9)).isEqualTo(CandidateOutcome.BLOCKED);
        assertThat(Selection.outcome(flagged, decision, 0.9)).isEqualTo(CandidateOutcome.MACHINE_WRITTEN);
    }

    @Test
    void aRoundWithNothingToShowRegeneratesWithFeedbackWhileTriesAreLeft() {
        Decision decision = Selection.decide(List.of(judged(0, 0.9, 0.95, true), judged(1, 0.9, 0.1, false)),
                REGENERATE, ContentRating.EVERYONE, 1);

        assertThat(decision).isInstanceOf(Decision.Regenerate.class);
        assertThat(((Decision.Regenerate) decision).feedback()).contains("machine-written")
                .contains("EVERYONE").contains("violence");
    }

    @Test
    void whenTriesRunOutTheLeastFlaggedAllowedCandidateIsReRanked() {
        Judgement worse = judged(0, 0.9, 0.99, true);
        Judgement better = judged(1, 0.3, 0.93, true);
        Decision decision = Selection.decide(List.of(worse, better), REGENERATE, ContentRating.TEEN, 2);

        assertThat(((Decision.Chosen) decision).winner()).isSameAs(better);
        assertThat(((Decision.Chosen) decision).reason()).startsWith("re-ranked");
    }

    @Test
    void refusedCandidatesAreBlockedRedactedOrRegeneratedAsTheWorldChose() {
        List<Judgement> refused = List.of(judged(0, 0.7, 0.1, false));

        assertThat(Selection.decide(refused, policy(GuardrailAction.BLOCK, 3), ContentRating.EVERYONE, 1))
                .isInstanceOfSatisfying(Decision.Refuse.class, r -> assertThat(r.reason()).contains("EVERYONE").contains("violence"));
        assertThat(Selection.decide(refused, policy(GuardrailAction.REDACT, 3), ContentRating.EVERYONE, 1))
                .isInstanceOf(Decision.Redact.class);
        assertThat(Selection.decide(refused, policy(GuardrailAction.REGENERATE, 3), ContentRating.EVERYONE, 1))
                .isInstanceOf(Decision.Regenerate.class);
        assertThat(Selection.decide(refused, policy(GuardrailAction.REGENERATE, 3), ContentRating.EVERYONE, 3))
                .isInstanceOf(Decision.Refuse.class);
    }

    @Test
    void whenEveryCandidateFailedTheTurnIsRefusedAtOnce() {
        Decision decision = Selection.decide(List.of(Judgement.failed(new Draft(0, 1, null))), REGENERATE,
                ContentRating.TEEN, 1);
        assertThat(decision).isInstanceOf(Decision.Refuse.class);
    }

    static Judgement judged(int index, double total, double detector, boolean allowed) {
        HarmVerdict verdict = new HarmVerdict("house:guardrail", "1", allowed ? Map.of() : Map.of("violence", 3), allowed,
                allowed ? List.of() : List.of("violence"));
        return new Judgement(new Draft(index, 1, "text " + index),
                new CandidateScores(1, 1, 0.5, 0.5, null, total, detector, verdict, List.of()), List.of());
    }

    static NarrationPolicy policy(GuardrailAction action, int tries) {
        return new NarrationPolicy(2, List.of(), Duration.ofSeconds(10), 0.9, tries, action);
    }
}
