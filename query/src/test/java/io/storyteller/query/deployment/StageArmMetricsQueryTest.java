package io.storyteller.query.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.NarrationRoute;
import io.storyteller.domain.story.StageVerdict;
import io.storyteller.projections.rollout.NarrationOutcomeProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A reviewer rollout in its shadow phase: four beats, each candidate reviewed by version 1
 * (deciding, 0.5) and mirrored by version 2 (a generous 1.0); the players rate two of the beats 2.
 * Each arm's rating is the players' (2.0), never the reviewer's own score: a reviewer that praises
 * everything is no better for it. The guardrail of the same turns counts under its own slot.
 */
class StageArmMetricsQueryTest {

    static final String REVIEWER = "reviewer:global";
    static final String GUARDRAIL = "guardrail:global";

    static ReadModelDatabase db;
    static ArmMetricsQueries queries;

    @BeforeAll
    static void load() {
        db = ReadModelDatabase.start();
        EventLog log = new EventLog();
        for (int i = 1; i <= 4; i++) {
            String beat = "n" + i;
            CandidateReport candidate = new CandidateReport(0, 1, null, null, null, null, "house:w1", "1", "text", null,
                    300, 10, 10, null, CandidateOutcome.CHOSEN, List.of(
                            call(UseCase.REVIEWER, REVIEWER, NarrationArm.STABLE, "1", 40).reviewed(0.5),
                            call(UseCase.REVIEWER, REVIEWER, NarrationArm.SHADOW, "2", 80).reviewed(1.0),
                            call(UseCase.GUARDRAIL, GUARDRAIL, NarrationArm.STABLE, "1", 5).blocked(i == 4)));
            log.story("s1", new NarrationRecorded("s1", "w1", beat, "a" + i, beat, 0, "text",
                    new NarrationProvenance("house:w1", "1", "d", List.of(), 300, 10, 10)
                            .judged(List.of(candidate), "the only one", List.of())));
        }
        log.story("s1", new BeatRated("s1", "n1", 2, "pia"), new BeatRated("s1", "n2", 2, "pia"));
        log.deliver(new NarrationOutcomeProjection(db.jdbc()));
        queries = new ArmMetricsQueries(db.jdbc());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aStageArmIsRatedByThePlayersNotByItsOwnVerdicts() {
        ArmMetricsReport reviewer = queries.handle(new FindArmMetrics(REVIEWER, "r1", null, 0));

        assertThat(reviewer.stable().samples()).isEqualTo(4);
        assertThat(reviewer.shadow().samples()).isEqualTo(4);
        assertThat(reviewer.stable().rating()).isEqualTo(2.0);
        assertThat(reviewer.shadow().rating()).isEqualTo(2.0);
        assertThat(reviewer.shadow().latencyP95Millis()).isEqualTo(80);
        assertThat(reviewer.candidate().samples()).isZero();
    }

    @Test
    void theGuardrailsCallsOfTheSameTurnsCountUnderItsOwnSlot() {
        ArmMetricsReport guardrail = queries.handle(new FindArmMetrics(GUARDRAIL, "r1", null, 0));

        assertThat(guardrail.stable().samples()).isEqualTo(4);
        assertThat(guardrail.stable().guardrailBlockRate()).isCloseTo(0.25, within(1e-9));
    }

    private static StageVerdict call(UseCase stage, String deployment, NarrationArm arm, String version, long latency) {
        return StageVerdict.failed(stage, new NarrationRoute(deployment, arm, "r1", 0), "house-classifier:" + stage.key(),
                version, latency);
    }
}
