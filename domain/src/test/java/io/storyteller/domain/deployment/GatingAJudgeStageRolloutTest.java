package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.ADMIN;
import static io.storyteller.domain.deployment.DeploymentExamples.CANDIDATE;
import static io.storyteller.domain.deployment.DeploymentExamples.R1;
import static io.storyteller.domain.deployment.DeploymentExamples.REASON;
import static io.storyteller.domain.deployment.DeploymentExamples.STABLE;

import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Rejected;
import java.time.Duration;
import java.util.List;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A detector rollout is never gated on the detector's own score: one that calls everything human would pass it. */
class GatingAJudgeStageRolloutTest {

    static final String DETECTOR = "detector:global";
    static final String GUARDRAIL = "guardrail:global";

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    @Test
    void aDetectorRolloutGatedOnTheDetectorsOwnScoreIsRefused() {
        RolloutStrategy strategy = shadowFirst(new RolloutGates(0.05, 500L, null, 0.5, null, null, 0.1));
        fixture.given(new DeploymentCreated(DETECTOR, UseCase.DETECTOR, null, STABLE, ADMIN.userId()))
                .when(new StartRollout(DETECTOR, R1, CANDIDATE, strategy, REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("strategy.gates.maxDetectorScore", "not-for-detector"));
    }

    @Test
    void aDetectorRolloutGatedOnErrorsLatencyAndRatingStarts() {
        RolloutStrategy strategy = shadowFirst(new RolloutGates(0.05, 500L, null, null, 3.0, null, 0.1));
        fixture.given(new DeploymentCreated(DETECTOR, UseCase.DETECTOR, null, STABLE, ADMIN.userId()))
                .when(new StartRollout(DETECTOR, R1, CANDIDATE, strategy, REASON, ADMIN))
                .expectEvents(new RolloutStarted(DETECTOR, R1, CANDIDATE, STABLE, strategy, RolloutPhase.SHADOW, 0, 0,
                        REASON, ADMIN.userId()));
    }

    @Test
    void aGuardrailRolloutMayBeGatedOnItsBlockRateAgainstTheStables() {
        RolloutStrategy strategy = shadowFirst(new RolloutGates(0.05, 500L, 0.2, null, null, null, 0.5));
        fixture.given(new DeploymentCreated(GUARDRAIL, UseCase.GUARDRAIL, null, STABLE, ADMIN.userId()))
                .when(new StartRollout(GUARDRAIL, R1, CANDIDATE, strategy, REASON, ADMIN))
                .expectEvents(new RolloutStarted(GUARDRAIL, R1, CANDIDATE, STABLE, strategy, RolloutPhase.SHADOW, 0, 0,
                        REASON, ADMIN.userId()));
    }

    private static RolloutStrategy shadowFirst(RolloutGates gates) {
        return new RolloutStrategy(new ShadowPhase(null, 10), List.of(50, 100), Duration.ofMinutes(5), 10, gates);
    }
}
