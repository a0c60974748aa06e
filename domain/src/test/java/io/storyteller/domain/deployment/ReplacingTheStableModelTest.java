package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.ADMIN;
import static io.storyteller.domain.deployment.DeploymentExamples.CANDIDATE;
import static io.storyteller.domain.deployment.DeploymentExamples.GLOBAL;
import static io.storyteller.domain.deployment.DeploymentExamples.MANAGER;
import static io.storyteller.domain.deployment.DeploymentExamples.OTHER;
import static io.storyteller.domain.deployment.DeploymentExamples.R1;
import static io.storyteller.domain.deployment.DeploymentExamples.STABLE;
import static io.storyteller.domain.deployment.DeploymentExamples.created;
import static io.storyteller.domain.deployment.DeploymentExamples.inCanary;
import static io.storyteller.domain.deployment.DeploymentExamples.paused;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReplacingTheStableModelTest {

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    @Test
    void theModelManagerReplacesTheStableModelAtOnce() {
        fixture.given(created())
                .when(new ReplaceStableModel(GLOBAL, OTHER, " provider outage ", MANAGER))
                .expectEvents(new StableModelReplaced(GLOBAL, OTHER, STABLE, "provider outage", MANAGER.userId()));
    }

    @Test
    void replacingAModelWithItselfChangesNothing() {
        fixture.given(created())
                .when(new ReplaceStableModel(GLOBAL, STABLE, "again", ADMIN))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void noReplacementWhileARolloutIsInProgress() {
        fixture.given(inCanary())
                .when(new ReplaceStableModel(GLOBAL, OTHER, "provider outage", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("deploymentId", "no-rollout-in-progress"));
    }

    @Test
    void aPausedRolloutIsStillInProgress() {
        fixture.given(inCanary(paused()))
                .when(new ReplaceStableModel(GLOBAL, OTHER, "provider outage", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("deploymentId", "no-rollout-in-progress"));
    }

    @Test
    void onceARolloutIsAbortedTheStableModelMayBeReplaced() {
        fixture.given(inCanary(new RolloutAborted(GLOBAL, R1, CANDIDATE, "wrong candidate", ADMIN.userId())))
                .when(new ReplaceStableModel(GLOBAL, OTHER, "provider outage", ADMIN))
                .expectEvents(new StableModelReplaced(GLOBAL, OTHER, STABLE, "provider outage", ADMIN.userId()));
    }

    @Test
    void aPromotedCandidateIsTheStableModelThatIsReplaced() {
        fixture.given(inCanary(new RolloutPromoted(GLOBAL, R1, CANDIDATE, STABLE, "good enough", ADMIN.userId())))
                .when(new ReplaceStableModel(GLOBAL, STABLE, "back to llama", ADMIN))
                .expectEvents(new StableModelReplaced(GLOBAL, STABLE, CANDIDATE, "back to llama", ADMIN.userId()));
    }

    @Test
    void aReplacementSaysWhy() {
        fixture.given(created())
                .when(new ReplaceStableModel(GLOBAL, OTHER, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "required"));
    }

    @Test
    void aReasonHoldsAtMost1000Characters() {
        fixture.given(created())
                .when(new ReplaceStableModel(GLOBAL, OTHER, "r".repeat(1001), ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("reason", "max-length:1000"));
    }

    @Test
    void aReplacementNamesTheModel() {
        fixture.given(created())
                .when(new ReplaceStableModel(GLOBAL, null, "provider outage", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("stable", "required"));
    }

    @Test
    void aReplacementNamesTheModelsId() {
        fixture.given(created())
                .when(new ReplaceStableModel(GLOBAL, new ModelRef(" ", "1"), "provider outage", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("stable.modelId", "required"));
    }
}
