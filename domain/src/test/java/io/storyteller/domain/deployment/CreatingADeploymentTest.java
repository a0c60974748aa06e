package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.ADMIN;
import static io.storyteller.domain.deployment.DeploymentExamples.GLOBAL;
import static io.storyteller.domain.deployment.DeploymentExamples.IN_WORLD;
import static io.storyteller.domain.deployment.DeploymentExamples.MANAGER;
import static io.storyteller.domain.deployment.DeploymentExamples.STABLE;
import static io.storyteller.domain.deployment.DeploymentExamples.WORLD_ID;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CreatingADeploymentTest {

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    @Test
    void aPlatformAdminOpensTheGlobalNarratorSlot() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, UseCase.NARRATOR, null, STABLE, ADMIN))
                .expectEvents(new DeploymentCreated(GLOBAL, UseCase.NARRATOR, null, STABLE, ADMIN.userId()))
                .expectResultMessagePayload(GLOBAL);
    }

    @Test
    void theModelManagerOpensAWorldsOwnSlot() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(IN_WORLD, UseCase.NARRATOR, WORLD_ID, STABLE, MANAGER))
                .expectEvents(new DeploymentCreated(IN_WORLD, UseCase.NARRATOR, WORLD_ID, STABLE, MANAGER.userId()));
    }

    @Test
    void thePlatformOpensSlotsForEveryUseCase() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment("embedder:global", UseCase.EMBEDDER, null, STABLE, Actor.system()))
                .expectEvents(new DeploymentCreated("embedder:global", UseCase.EMBEDDER, null, STABLE, "system"));
    }

    @Test
    void aBlankWorldMeansTheGlobalSlot() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, UseCase.NARRATOR, " ", STABLE, ADMIN))
                .expectEvents(new DeploymentCreated(GLOBAL, UseCase.NARRATOR, null, STABLE, ADMIN.userId()));
    }

    @Test
    void idsAndModelAreStoredTrimmed() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(" narrator:world:w1 ", UseCase.NARRATOR, " w1 ", new ModelRef(" llama-8b", "3.1 "), ADMIN))
                .expectEvents(new DeploymentCreated(IN_WORLD, UseCase.NARRATOR, WORLD_ID, STABLE, ADMIN.userId()));
    }

    @Test
    void theIdIsTheSlotKeyOfItsUseCase() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, UseCase.REVIEWER, null, STABLE, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("deploymentId", "slot-key"));
    }

    @Test
    void theIdIsTheSlotKeyOfItsWorld() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, UseCase.NARRATOR, WORLD_ID, STABLE, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("deploymentId", "slot-key"));
    }

    @Test
    void aSlotNeedsAnId() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(null, UseCase.NARRATOR, null, STABLE, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("deploymentId", "required"));
    }

    @Test
    void aSlotIsForAUseCase() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, null, null, STABLE, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("useCase", "required"));
    }

    @Test
    void aWorldIdIsShapedLikeAnId() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, UseCase.NARRATOR, "w".repeat(201), STABLE, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("worldId", "id-shape"));
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment("narrator:world:w\u0000", UseCase.NARRATOR, "w\u0000", STABLE, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("worldId", "id-shape"));
    }

    @Test
    void aWorldsSlotNeedsTheWorld() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment("narrator:world:nowhere", UseCase.NARRATOR, "nowhere", STABLE, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.notFound("worldId"));
    }

    @Test
    void aSlotIsServedByAModel() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, UseCase.NARRATOR, null, null, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("stable", "required"));
    }

    @Test
    void aSlotIsServedByOneVersion() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, UseCase.NARRATOR, null, new ModelRef("llama-8b", ""), ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("stable.version", "required"));
    }

    @Test
    void aSlotIsOpenedBySomeone() {
        fixture.givenNoPriorActivity()
                .when(new CreateDeployment(GLOBAL, UseCase.NARRATOR, null, STABLE, null))
                .expectNoEvents()
                .expectException(Rejected.invalid("actor", "required"));
    }
}
