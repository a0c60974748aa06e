package io.storyteller.domain.deployment;

import static io.storyteller.domain.deployment.DeploymentExamples.CANDIDATE;
import static io.storyteller.domain.deployment.DeploymentExamples.GLOBAL;
import static io.storyteller.domain.deployment.DeploymentExamples.MANAGER;
import static io.storyteller.domain.deployment.DeploymentExamples.R1;
import static io.storyteller.domain.deployment.DeploymentExamples.STABLE;
import static io.storyteller.domain.deployment.DeploymentExamples.canary;
import static io.storyteller.domain.deployment.DeploymentExamples.created;
import static io.storyteller.domain.deployment.DeploymentExamples.inCanary;
import static io.storyteller.domain.deployment.DeploymentExamples.shadowFirst;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.math.BigDecimal;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A paid model worth switching to starts a shadow-first rollout by itself; the decision is always recorded. */
class AutoSwitchTest {

    private static final String AUTO = "r-auto";
    private static final Actor SYSTEM = Actor.system();
    /** At least a quarter point better, at most 0.2 ct dearer per beat. */
    private static final AutoSwitchPolicy POLICY = new AutoSwitchPolicy(0.25, new BigDecimal("0.002"));
    private static final ArmMetrics STABLE_EVALUATION = evaluation(4.0, "0.004");

    private FixtureConfiguration<Deployment> fixture;

    @BeforeEach
    void setUp() {
        fixture = DeploymentExamples.fixture();
    }

    private static ArmMetrics evaluation(Double rating, String cost) {
        return new ArmMetrics(500, 0.0625, 1500, 0.03125, 0.25, rating, new BigDecimal(cost));
    }

    private static DecideAutoSwitch decide(ArmMetrics candidateEvaluation) {
        return new DecideAutoSwitch(GLOBAL, CANDIDATE, candidateEvaluation, STABLE_EVALUATION, POLICY, shadowFirst(), AUTO,
                SYSTEM);
    }

    private static AutoSwitchDecided decided(ArmMetrics candidateEvaluation, boolean switching, String rationale,
            String rolloutId) {
        return new AutoSwitchDecided(GLOBAL, CANDIDATE, STABLE, switching, rationale, candidateEvaluation, STABLE_EVALUATION,
                POLICY, rolloutId, "system");
    }

    @Test
    void aBetterCandidateWithinTheCostLimitStartsAShadowFirstRollout() {
        ArmMetrics better = evaluation(4.5, "0.005");
        fixture.given(created())
                .when(decide(better))
                .expectEvents(decided(better, true, "switching: rating 4.5 against 4, a gain of 0.5 (at least 0.25 required); "
                                + "cost per beat changes by 0.001 USD (at most 0.002 allowed)", AUTO),
                        new RolloutStarted(GLOBAL, AUTO, CANDIDATE, STABLE, shadowFirst(), RolloutPhase.SHADOW, 0, 0,
                                "auto-switch", "system"));
    }

    @Test
    void aCandidateExactlyAtBothMarginsSwitches() {
        ArmMetrics atTheMargins = evaluation(4.25, "0.006");
        fixture.given(created())
                .when(decide(atTheMargins))
                .expectEvents(decided(atTheMargins, true, "switching: rating 4.25 against 4, a gain of 0.25 (at least 0.25 "
                                + "required); cost per beat changes by 0.002 USD (at most 0.002 allowed)", AUTO),
                        new RolloutStarted(GLOBAL, AUTO, CANDIDATE, STABLE, shadowFirst(), RolloutPhase.SHADOW, 0, 0,
                                "auto-switch", "system"));
    }

    @Test
    void aCandidateThatGainsTooLittleIsNotSwitchedTo() {
        ArmMetrics slightlyBetter = evaluation(4.125, "0.004");
        fixture.given(created())
                .when(decide(slightlyBetter))
                .expectEvents(decided(slightlyBetter, false,
                        "not switching: rating 4.125 against 4, a gain of 0.125, less than the required 0.25", null));
    }

    @Test
    void aCandidateThatCostsTooMuchMoreIsNotSwitchedTo() {
        ArmMetrics dear = evaluation(4.5, "0.007");
        fixture.given(created())
                .when(decide(dear))
                .expectEvents(decided(dear, false,
                        "not switching: cost per beat changes by 0.003 USD, more than the allowed 0.002", null));
    }

    @Test
    void anUnratedCandidateIsNotSwitchedTo() {
        ArmMetrics unrated = evaluation(null, "0.004");
        fixture.given(created())
                .when(decide(unrated))
                .expectEvents(decided(unrated, false, "not switching: the candidate's evaluation has no rating", null));
    }

    @Test
    void aWorthwhileSwitchWaitsWhileAnotherRolloutIsInProgress() {
        ArmMetrics better = evaluation(4.5, "0.005");
        fixture.given(inCanary())
                .when(new DecideAutoSwitch(GLOBAL, new ModelRef("gpt-5", "2025-08"), better, STABLE_EVALUATION, POLICY,
                        shadowFirst(), AUTO, SYSTEM))
                .expectEvents(new AutoSwitchDecided(GLOBAL, new ModelRef("gpt-5", "2025-08"), STABLE, true,
                        "switching: rating 4.5 against 4, a gain of 0.5 (at least 0.25 required); cost per beat changes by "
                                + "0.001 USD (at most 0.002 allowed); waiting: rollout r1 is in progress",
                        better, STABLE_EVALUATION, POLICY, null, "system"));
    }

    @Test
    void aDeclinedSwitchIsRecordedWhileAnotherRolloutIsInProgress() {
        ArmMetrics worse = evaluation(3.0, "0.004");
        fixture.given(inCanary())
                .when(new DecideAutoSwitch(GLOBAL, new ModelRef("gpt-5", "2025-08"), worse, STABLE_EVALUATION, POLICY,
                        shadowFirst(), AUTO, SYSTEM))
                .expectEvents(new AutoSwitchDecided(GLOBAL, new ModelRef("gpt-5", "2025-08"), STABLE, false,
                        "not switching: rating 3 against 4, a gain of -1, less than the required 0.25",
                        worse, STABLE_EVALUATION, POLICY, null, "system"));
    }

    @Test
    void theModelManagerMayDecideToo() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, evaluation(4.5, "0.005"), STABLE_EVALUATION, POLICY, shadowFirst(),
                        AUTO, MANAGER))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void theStableModelIsNoCandidate() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, STABLE, evaluation(4.5, "0.005"), STABLE_EVALUATION, POLICY, shadowFirst(),
                        AUTO, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.conflict("candidate", "not-stable"));
    }

    @Test
    void anAutomaticSwitchShadowsFirst() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, evaluation(4.5, "0.005"), STABLE_EVALUATION, POLICY, canary(),
                        AUTO, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid("shadowFirstStrategy.shadow", "required"));
    }

    @Test
    void theStrategyObeysTheRulesOfAnyRollout() {
        RolloutStrategy broken = new RolloutStrategy(shadowFirst().shadow(), List.of(5, 50), shadowFirst().analysisInterval(),
                100, shadowFirst().gates());
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, evaluation(4.5, "0.005"), STABLE_EVALUATION, POLICY, broken,
                        AUTO, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid("shadowFirstStrategy.canarySteps", "last:100"));
    }

    @Test
    void aDecisionFollowsAPolicy() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, evaluation(4.5, "0.005"), STABLE_EVALUATION, null, shadowFirst(),
                        AUTO, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid("policy", "required"));
    }

    @Test
    void aPolicysMarginIsAtMostTheWholeRatingScale() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, evaluation(4.5, "0.005"), STABLE_EVALUATION,
                        new AutoSwitchPolicy(4.5, null), shadowFirst(), AUTO, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid("policy.minImprovement", "range:0..4"));
    }

    @Test
    void aPolicysCostLimitIsNotNegative() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, evaluation(4.5, "0.005"), STABLE_EVALUATION,
                        new AutoSwitchPolicy(0.25, new BigDecimal("-0.001")), shadowFirst(), AUTO, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid("policy.maxCostIncrease", "non-negative"));
    }

    @Test
    void aDecisionWeighsTheCandidatesEvaluation() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, null, STABLE_EVALUATION, POLICY, shadowFirst(), AUTO, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid("candidateEvaluation", "required"));
    }

    @Test
    void aDecisionWeighsTheStableModelsEvaluation() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, evaluation(4.5, "0.005"), evaluation(6.0, "0.004"), POLICY,
                        shadowFirst(), AUTO, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid("stableEvaluation.rating", "range:1..5"));
    }

    @Test
    void theRolloutIdOfASwitchIsNew() {
        fixture.given(inCanary(new RolloutAborted(GLOBAL, R1, CANDIDATE, "stop", "ada")))
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, evaluation(4.5, "0.005"), STABLE_EVALUATION, POLICY, shadowFirst(),
                        R1, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.conflict("rolloutId", "unique"));
    }

    @Test
    void aSwitchNamesItsRollout() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, CANDIDATE, evaluation(4.5, "0.005"), STABLE_EVALUATION, POLICY, shadowFirst(),
                        null, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid("rolloutId", "required"));
    }

    @Test
    void aDecisionNamesItsCandidate() {
        fixture.given(created())
                .when(new DecideAutoSwitch(GLOBAL, null, evaluation(4.5, "0.005"), STABLE_EVALUATION, POLICY, shadowFirst(),
                        AUTO, SYSTEM))
                .expectNoEvents()
                .expectException(Rejected.invalid("candidate", "required"));
    }
}
