package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.ADMIN;
import static io.storyteller.domain.deployment.DeploymentExamples.GLOBAL;
import static io.storyteller.domain.deployment.DeploymentExamples.R1;
import static io.storyteller.domain.deployment.DeploymentExamples.REASON;
import static io.storyteller.domain.deployment.DeploymentExamples.canary;
import static io.storyteller.domain.deployment.DeploymentExamples.created;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A slot is only ever served by a model version in the registry: a typo in a model id or version is
 * refused when the slot is opened, the stable model replaced or a rollout started, not discovered
 * later as every narration failing.
 */
class ServingOnlyRegisteredModelsTest {

    private static final ModelRef UNKNOWN = new ModelRef("gpt-nowhere", "1");
    private static final ModelRef NO_SUCH_VERSION = new ModelRef("claude-sonnet", "1999-01");

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    @Test
    void aSlotIsNotOpenedForAModelOutsideTheRegistry() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, UseCase.NARRATOR, null, UNKNOWN, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.notFound("stable.modelId"));
    }

    @Test
    void theStableModelIsNotReplacedByAVersionTheModelDoesNotHave() {
        fixture.given(created())
                .when(new ReplaceStableModel(GLOBAL, NO_SUCH_VERSION, "provider outage", ADMIN))
                .expectNoEvents()
                .expectException(Rejected.notFound("stable.version"));
    }

    @Test
    void noRolloutStartsForACandidateOutsideTheRegistry() {
        fixture.given(created())
                .when(new StartRollout(GLOBAL, R1, UNKNOWN, canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.notFound("candidate.modelId"));
    }

    @Test
    void aSlotsChangeIsRefusedForASlotThatDoesNotExist() {
        fixture.givenNoPriorActivity()
                .when(new StartRollout("narrator:world:nowhere", R1, DeploymentExamples.CANDIDATE, canary(), REASON, ADMIN))
                .expectNoEvents()
                .expectException(org.axonframework.modelling.command.AggregateNotFoundException.class);
    }
}
