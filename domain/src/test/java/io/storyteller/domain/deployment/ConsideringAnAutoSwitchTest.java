package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.ADMIN;
import static io.storyteller.domain.deployment.DeploymentExamples.PLAYER;
import static io.storyteller.domain.deployment.DeploymentExamples.shadowFirst;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A narrator slot takes up a discovered model for the auto-switch only when it could switch to it:
 * same provider as its stable model, created before the discovery, no rollout in progress, never
 * considered or decided before.
 */
class ConsideringAnAutoSwitchTest {

    private static final String SLOT = "narrator:world:w1";
    private static final Instant CREATED = Instant.parse("2026-01-10T08:00:00Z");
    private static final Instant DISCOVERED = CREATED.plus(Duration.ofDays(3));
    private static final ModelRef STABLE = new ModelRef("openai:gpt-4o-mini", "gpt-4o-mini");
    private static final ModelRef CANDIDATE = new ModelRef("openai:gpt-5", "gpt-5-2026-01-01");
    private static final ArmMetrics EVALUATION = new ArmMetrics(12, 0, 800, 0, 0, 4.0, new BigDecimal("0.001"));
    private static final AutoSwitchPolicy POLICY = new AutoSwitchPolicy(0.25, new BigDecimal("0.002"));

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    private TestExecutor<Deployment> slot(Object... more) {
        return fixture.givenCurrentTime(CREATED)
                .andGiven(new DeploymentCreated(SLOT, UseCase.NARRATOR, "w1", STABLE, ADMIN.userId()))
                .andGiven(more);
    }

    private static ConsiderAutoSwitch consider(ModelRef candidate, String provider, Instant discoveredAt) {
        return new ConsiderAutoSwitch(SLOT, "w1", candidate, provider, discoveredAt, Actor.system());
    }

    @Test
    void aSlotOfTheSameProviderCreatedBeforeTheDiscoveryTakesTheCandidateUp() {
        slot().when(consider(CANDIDATE, "openai", DISCOVERED))
                .expectEvents(new AutoSwitchConsidered(SLOT, "w1", CANDIDATE, STABLE, "system"));
    }

    @Test
    void aSlotServedByAnotherProviderRefuses() {
        slot().when(consider(new ModelRef("anthropic:claude", "4"), "anthropic", DISCOVERED))
                .expectNoEvents()
                .expectException(Rejected.conflict("provider", "stable-provider"));
    }

    @Test
    void aModelKnownWhenTheSlotWasCreatedIsNotNewToIt() {
        slot().when(consider(CANDIDATE, "openai", CREATED.minusSeconds(1)))
                .expectNoEvents()
                .expectException(Rejected.conflict("discoveredAt", "after-slot-created"));
    }

    @Test
    void aSlotWithARolloutInProgressRefuses() {
        slot(new RolloutStarted(SLOT, "r1", new ModelRef("openai:gpt-4.1", "1"), STABLE, shadowFirst(),
                RolloutPhase.SHADOW, 0, 0, "manual", ADMIN.userId()))
                .when(consider(CANDIDATE, "openai", DISCOVERED))
                .expectNoEvents()
                .expectException(Rejected.conflict("deploymentId", "no-rollout-in-progress"));
    }

    @Test
    void aCandidateIsConsideredOnce() {
        slot(new AutoSwitchConsidered(SLOT, "w1", CANDIDATE, STABLE, "system"))
                .when(consider(CANDIDATE, "openai", DISCOVERED))
                .expectNoEvents()
                .expectException(Rejected.conflict("candidate", "considered-once"));
    }

    @Test
    void aCandidateAlreadyDecidedIsNotConsideredAgain() {
        slot(new AutoSwitchDecided(SLOT, CANDIDATE, STABLE, false, "not switching", EVALUATION, EVALUATION, POLICY, null,
                "system"))
                .when(consider(CANDIDATE, "openai", DISCOVERED))
                .expectNoEvents()
                .expectException(Rejected.conflict("candidate", "considered-once"));
    }

    @Test
    void aPairIsDecidedOnce() {
        slot(new AutoSwitchDecided(SLOT, CANDIDATE, STABLE, false, "not switching", EVALUATION, EVALUATION, POLICY, null,
                "system"))
                .when(new DecideAutoSwitch(SLOT, CANDIDATE, EVALUATION, EVALUATION, POLICY, shadowFirst(), "r2",
                        Actor.system()))
                .expectNoEvents()
                .expectException(Rejected.conflict("candidate", "decided-once"));
    }

    @Test
    void onlyTheNarratorSlotOfTheGivenWorldIsConsidered() {
        slot().when(new ConsiderAutoSwitch(SLOT, null, CANDIDATE, "openai", DISCOVERED, Actor.system()))
                .expectNoEvents()
                .expectException(Rejected.conflict("deploymentId", "narrator-slot"));
    }

    @Test
    void theStableModelIsNoCandidate() {
        slot().when(consider(STABLE, "openai", DISCOVERED))
                .expectNoEvents()
                .expectException(Rejected.conflict("candidate", "not-stable"));
    }

    @Test
    void playersDoNotConsiderModels() {
        slot().when(new ConsiderAutoSwitch(SLOT, "w1", CANDIDATE, "openai", DISCOVERED, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }
}
