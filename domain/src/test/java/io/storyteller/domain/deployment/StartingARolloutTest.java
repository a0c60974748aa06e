package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.ADMIN;
import static io.storyteller.domain.deployment.DeploymentExamples.CANDIDATE;
import static io.storyteller.domain.deployment.DeploymentExamples.GLOBAL;
import static io.storyteller.domain.deployment.DeploymentExamples.MANAGER;
import static io.storyteller.domain.deployment.DeploymentExamples.OTHER;
import static io.storyteller.domain.deployment.DeploymentExamples.R1;
import static io.storyteller.domain.deployment.DeploymentExamples.REASON;
import static io.storyteller.domain.deployment.DeploymentExamples.STABLE;
import static io.storyteller.domain.deployment.DeploymentExamples.canary;
import static io.storyteller.domain.deployment.DeploymentExamples.created;
import static io.storyteller.domain.deployment.DeploymentExamples.inCanary;
import static io.storyteller.domain.deployment.DeploymentExamples.paused;
import static io.storyteller.domain.deployment.DeploymentExamples.shadowFirst;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StartingARolloutTest {

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    @Test
    void aRolloutWithoutShadowStartsAtItsFirstCanaryStep() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, CANDIDATE, canary(), REASON, ADMIN))
                .expectEvents(new RolloutStarted(GLOBAL, R1, CANDIDATE, STABLE, canary(), RolloutPhase.CANARY, 0, 5, REASON,
                        ADMIN.userId()));
    }

    @Test
    void aShadowFirstRolloutStartsMirroredWithNoWeight() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, CANDIDATE, shadowFirst(), REASON, MANAGER))
                .expectEvents(new RolloutStarted(GLOBAL, R1, CANDIDATE, STABLE, shadowFirst(), RolloutPhase.SHADOW, 0, 0, REASON,
                        MANAGER.userId()));
    }

    @Test
    void thePlatformStartsRolloutsAndIdsAndReasonAreTrimmed() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, " r1 ", new ModelRef(" claude-sonnet ", " 2025-09"), canary(), " " + REASON + " ",
                        Actor.system()))
                .expectEvents(new RolloutStarted(GLOBAL, R1, CANDIDATE, STABLE, canary(), RolloutPhase.CANARY, 0, 5, REASON,
                        "system"));
    }

    @Test
    void oneRolloutAtATime() {
        fixture.given(inCanary())
                .when(new StartRollout(GLOBAL, "r2", OTHER, canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("deploymentId", "no-rollout-in-progress"));
    }

    @Test
    void aPausedRolloutStillBlocksAnother() {
        fixture.given(inCanary(paused()))
                .when(new StartRollout(GLOBAL, "r2", OTHER, canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("deploymentId", "no-rollout-in-progress"));
    }

    @Test
    void afterAPromotionTheNextRolloutComparesWithTheNewStableModel() {
        fixture.given(inCanary(new RolloutPromoted(GLOBAL, R1, CANDIDATE, STABLE, "good", ADMIN.userId())))
                .when(new StartRollout(GLOBAL, "r2", OTHER, canary(), REASON, ADMIN))
                .expectEvents(new RolloutStarted(GLOBAL, "r2", OTHER, CANDIDATE, canary(), RolloutPhase.CANARY, 0, 5, REASON,
                        ADMIN.userId()));
    }

    @Test
    void aRolledBackCandidateMayBeTriedAgainUnderANewId() {
        fixture.given(inCanary(new RolloutRolledBack(GLOBAL, R1, CANDIDATE, "gate failed", "system")))
                .when(new StartRollout(GLOBAL, "r2", CANDIDATE, canary(), REASON, ADMIN))
                .expectEvents(new RolloutStarted(GLOBAL, "r2", CANDIDATE, STABLE, canary(), RolloutPhase.CANARY, 0, 5, REASON,
                        ADMIN.userId()));
    }

    @Test
    void aRolloutIdIsNeverReused() {
        fixture.given(inCanary(new RolloutRolledBack(GLOBAL, R1, CANDIDATE, "gate failed", "system")))
                .when(new StartRollout(GLOBAL, R1, CANDIDATE, canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "unique"));
    }

    @Test
    void theStableModelIsNoCandidate() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, STABLE, canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("candidate", "not-stable"));
    }

    @Test
    void aRolloutHasACandidate() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, null, canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("candidate", "required"));
    }

    @Test
    void aCandidateIsOneVersion() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, new ModelRef("claude-sonnet", null), canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("candidate.version", "required"));
    }

    @Test
    void aRolloutHasAStrategy() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, CANDIDATE, null, REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("strategy", "required"));
    }

    @Test
    void aRolloutSaysWhy() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, CANDIDATE, canary(), "", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "required"));
    }

    @Test
    void aRolloutNeedsAnId() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, " ", CANDIDATE, canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("rolloutId", "required"));
    }

    @Test
    void aRolloutIdIsShapedLikeAnId() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, "r".repeat(201), CANDIDATE, canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("rolloutId", "id-shape"));
    }

    @Test
    void aRolloutIsStartedBySomeone() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, CANDIDATE, canary(), REASON, null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }
}
