package io.storyteller.sagas.finetuning;

import io.storyteller.domain.corpus.CorpusDataset;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.deployment.StartRollout;
import io.storyteller.domain.finetuning.ExportFineTuningDataset;
import io.storyteller.domain.finetuning.FailFineTuning;
import io.storyteller.domain.finetuning.FineTuningCancelled;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningDatasetExported;
import io.storyteller.domain.finetuning.FineTuningRejected;
import io.storyteller.domain.finetuning.FineTuningRequested;
import io.storyteller.domain.finetuning.FineTuningRolloutStarted;
import io.storyteller.domain.finetuning.FineTuningSetback;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.FineTuningTrainingCompleted;
import io.storyteller.domain.finetuning.FineTuningTrainingStarted;
import io.storyteller.domain.finetuning.FineTuningValidated;
import io.storyteller.domain.finetuning.FineTuningValidationRequested;
import io.storyteller.domain.finetuning.PromotionDecision;
import io.storyteller.domain.finetuning.PromotionRule;
import io.storyteller.domain.finetuning.RecordCandidateValidation;
import io.storyteller.domain.finetuning.RecordFineTuningRollout;
import io.storyteller.domain.finetuning.RejectFineTuning;
import io.storyteller.domain.finetuning.RequestCandidateValidation;
import io.storyteller.domain.finetuning.StopFineTuningTraining;
import io.storyteller.domain.finetuning.TrainFineTuningCandidate;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.validation.DatasetKind;
import io.storyteller.domain.validation.ModelValidated;
import io.storyteller.domain.validation.SuiteDataset;
import io.storyteller.domain.validation.ValidateCandidate;
import io.storyteller.domain.validation.ValidationGate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fine-tuning saga drives export → train → validate → rollout, retries what may be mended,
 * gives up with a reason, and rolls out only a candidate that beat the incumbent by the margin.
 */
class FineTuningSagaTest {

    static final String ID = "ft-1";
    static final ModelRef BASE = new ModelRef("house:detector", "3");
    static final ModelRef CANDIDATE = new ModelRef("house:detector", "4");
    static final FineTuningProperties SETTINGS = FineTuningProperties.defaults();
    static final CorpusSelection DATASET = new CorpusSelection(null, null, null, null, List.of(), List.of(),
            List.of(CorpusDataset.DETECTOR), 0.1, 7);
    static final FineTuningDataset EXPORTED = new FineTuningDataset("exp-1", "corpora/exp-1", "cd".repeat(32),
            Map.of("detector.train.jsonl", 90L));
    static final FineTuningRequested REQUESTED = new FineTuningRequested(ID, BASE, UseCase.DETECTOR, "house", DATASET,
            Map.of("epochs", "3"), 0.2, null, null, "ada");
    static final FineTuningDatasetExported EXPORT = new FineTuningDatasetExported(ID, EXPORTED);
    static final FineTuningTrainingStarted STARTED = new FineTuningTrainingStarted(ID, "house", 1);
    static final FineTuningTrainingCompleted TRAINED = new FineTuningTrainingCompleted(ID, CANDIDATE, Map.of("loss", 0.2));
    static final String VALIDATION = ID + ":validation:1";
    static final FineTuningValidationRequested VALIDATING = new FineTuningValidationRequested(ID, VALIDATION, CANDIDATE, 1);
    static final TrainFineTuningCandidate TRAIN = new TrainFineTuningCandidate(ID, BASE, UseCase.DETECTOR, "house", EXPORTED,
            Map.of("epochs", "3"), SETTINGS.trainingTimeout(), 1);

    private SagaTestFixture<FineTuningSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(FineTuningSaga.class);
        fixture.registerResource(SETTINGS);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    static ModelValidated validated(String validationId, boolean passed, int wins, int losses, int ties) {
        return new ModelValidated(CANDIDATE.modelId(), CANDIDATE.version(), validationId, "detector", BASE, passed,
                List.of(new ValidationGate("detector.auroc", 0.9, 0.8, 0.7, true, passed)), wins, losses, ties, List.of(),
                passed ? List.of() : List.of("detector.auroc below the incumbent"), "validator");
    }

    static StartRollout rollout() {
        return new StartRollout("detector:global", ID + ":rollout", CANDIDATE, SETTINGS.rollout().strategy(),
                "fine-tuning " + ID + " of " + BASE.label(), Actor.system());
    }

    @Test
    void aRequestAsksForTheExportWithADeadline() throws Exception {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(REQUESTED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new ExportFineTuningDataset(ID, DATASET, 1, SETTINGS.exportTimeout()))
                .expectScheduledDeadlineWithName(SETTINGS.exportTimeout(), FineTuningSaga.STEP_DUE);
    }

    @Test
    void aReviewerIsValidatedOnItsOwnExportsRatingsHoldout() throws Exception {
        ModelRef base = new ModelRef("house-classifier:reviewer", "1");
        ModelRef candidate = new ModelRef("house-classifier:reviewer", "2");
        FineTuningRequested requested = new FineTuningRequested(ID, base, UseCase.REVIEWER, "house", DATASET, Map.of(), 0.2,
                null, null, "ada");
        FineTuningDatasetExported exported = new FineTuningDatasetExported(ID, new FineTuningDataset("exp-2", "corpora/exp-2",
                "cd".repeat(32), Map.of("ratings.train.jsonl", 80L, "ratings.holdout.jsonl", 12L,
                        "preferences.holdout.jsonl", 5L)));
        fixture.givenAggregate(ID).published(requested, exported, STARTED)
                .whenAggregate(ID).publishes(new FineTuningTrainingCompleted(ID, candidate, Map.of()))
                .expectDispatchedCommands(new RequestCandidateValidation(ID, VALIDATION, 1, Actor.system()),
                        new ValidateCandidate(VALIDATION, candidate, null, UseCase.REVIEWER, null, null, Actor.system(),
                                new SuiteDataset(DatasetKind.FILE, "corpora/exp-2/ratings.holdout.jsonl", null, 12)));

        FineTuningDatasetExported noHoldout = new FineTuningDatasetExported(ID, new FineTuningDataset("exp-3", "corpora/exp-3",
                "cd".repeat(32), Map.of("ratings.train.jsonl", 80L, "ratings.holdout.jsonl", 0L)));
        fixture.givenAggregate(ID).published(requested, noHoldout, STARTED)
                .whenAggregate(ID).publishes(new FineTuningTrainingCompleted(ID, candidate, Map.of()))
                .expectDispatchedCommands(new RequestCandidateValidation(ID, VALIDATION, 1, Actor.system()),
                        new ValidateCandidate(VALIDATION, candidate, null, UseCase.REVIEWER, null, null, Actor.system()));
    }

    @Test
    void happyPathExportTrainValidateRollOutShadowFirst() throws Exception {
        fixture.givenAggregate(ID).published(REQUESTED)
                .whenAggregate(ID).publishes(EXPORT)
                .expectDispatchedCommands(TRAIN)
                .expectScheduledDeadlineWithName(SETTINGS.trainingTimeout(), FineTuningSaga.STEP_DUE);
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED)
                .whenAggregate(ID).publishes(TRAINED)
                .expectDispatchedCommands(new RequestCandidateValidation(ID, VALIDATION, 1, Actor.system()),
                        new ValidateCandidate(VALIDATION, CANDIDATE, null, UseCase.DETECTOR, null, null, Actor.system()))
                .expectScheduledDeadlineWithName(SETTINGS.validationTimeout(), FineTuningSaga.STEP_DUE);
        ModelValidated winner = validated(VALIDATION, true, 7, 1, 2);
        PromotionDecision promoted = PromotionRule.decide(winner, 0.2);
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING)
                .whenAggregate(CANDIDATE.modelId()).publishes(winner)
                .expectDispatchedCommands(new RecordCandidateValidation(ID, promoted, Actor.system()));
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING)
                .andThenAggregate(CANDIDATE.modelId()).published(winner)
                .whenAggregate(ID).publishes(new FineTuningValidated(ID, promoted))
                .expectDispatchedCommands(rollout(), new RecordFineTuningRollout(ID, "detector:global", ID + ":rollout",
                        Actor.system()));
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING, new FineTuningValidated(ID, promoted))
                .whenAggregate(ID).publishes(new FineTuningRolloutStarted(ID, CANDIDATE, "detector:global", ID + ":rollout"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void aCandidateThatFailsValidationIsNotRolledOutAndTheReasonsAreRecorded() throws Exception {
        ModelValidated loser = validated(VALIDATION, false, 9, 0, 1);
        PromotionDecision decision = PromotionRule.decide(loser, 0.2);
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING)
                .whenAggregate(CANDIDATE.modelId()).publishes(loser)
                .expectDispatchedCommands(new RecordCandidateValidation(ID, decision, Actor.system()));
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING, new FineTuningValidated(ID, decision),
                        new FineTuningRejected(ID, decision.reasons()))
                .whenTimeElapses(SETTINGS.validationTimeout().plusMinutes(1))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
        org.assertj.core.api.Assertions.assertThat(decision.reasons()).containsExactly("detector.auroc below the incumbent");
    }

    @Test
    void aCandidateThatPassesButMissesTheMarginIsRejectedWithTheScore() throws Exception {
        ModelValidated narrow = validated(VALIDATION, true, 4, 3, 3);
        PromotionDecision decision = PromotionRule.decide(narrow, 0.2);
        org.assertj.core.api.Assertions.assertThat(decision.promote()).isFalse();
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING)
                .whenAggregate(CANDIDATE.modelId()).publishes(narrow)
                .expectDispatchedCommands(new RecordCandidateValidation(ID, decision, Actor.system()));
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING)
                .whenAggregate(ID).publishes(new FineTuningValidated(ID, decision))
                .expectNoDispatchedCommands();
    }

    @Test
    void anAnswerToAnEarlierValidationAttemptIsIgnored() throws Exception {
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, TRAINED)
                .andThenTimeElapses(SETTINGS.validationTimeout())
                .whenAggregate(CANDIDATE.modelId()).publishes(validated(VALIDATION, true, 9, 0, 0))
                .expectNoDispatchedCommands();
    }

    @Test
    void aTrainingFailureIsRetriedAfterThePauseThenFailsWithTheReasonAndAttempts() throws Exception {
        FineTuningSetback first = new FineTuningSetback(ID, FineTuningStep.TRAIN, 1, "out of memory", true);
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, first)
                .whenTimeElapses(SETTINGS.retryDelay())
                .expectDispatchedCommands(new TrainFineTuningCandidate(ID, BASE, UseCase.DETECTOR, "house", EXPORTED,
                        Map.of("epochs", "3"), SETTINGS.trainingTimeout(), 2));
        FineTuningSetback second = new FineTuningSetback(ID, FineTuningStep.TRAIN, 2, "out of memory", true);
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, first)
                .andThenTimeElapses(SETTINGS.retryDelay())
                .andThenAggregate(ID).published(second)
                .andThenTimeElapses(SETTINGS.retryDelay())
                .whenAggregate(ID).publishes(new FineTuningSetback(ID, FineTuningStep.TRAIN, 3, "out of memory", true))
                .expectDispatchedCommands(new FailFineTuning(ID, FineTuningStep.TRAIN, "out of memory", 3, Actor.system()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aSetbackThatNoRetryCanMendFailsAtOnce() throws Exception {
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED)
                .whenAggregate(ID).publishes(new FineTuningSetback(ID, FineTuningStep.TRAIN, 1, "house cannot train CHAT", false))
                .expectDispatchedCommands(new FailFineTuning(ID, FineTuningStep.TRAIN, "house cannot train CHAT", 1, Actor.system()));
    }

    @Test
    void aStepWithNoAnswerIsAskedForAgainUntilTheCapThenFails() throws Exception {
        fixture.givenAggregate(ID).published(REQUESTED)
                .whenTimeElapses(SETTINGS.exportTimeout())
                .expectDispatchedCommands(new ExportFineTuningDataset(ID, DATASET, 2, SETTINGS.exportTimeout()))
                .expectScheduledDeadlineWithName(SETTINGS.exportTimeout(), FineTuningSaga.STEP_DUE);
        fixture.givenAggregate(ID).published(REQUESTED)
                .andThenTimeElapses(SETTINGS.exportTimeout())
                .andThenTimeElapses(SETTINGS.exportTimeout())
                .whenTimeElapses(SETTINGS.exportTimeout())
                .expectDispatchedCommands(new FailFineTuning(ID, FineTuningStep.EXPORT, "EXPORT had no answer within 1h", 3,
                        Actor.system()));
    }

    @Test
    void aSlotWithNoDeploymentIsAReasonNotACreatedDeployment() throws Exception {
        fixture.setCallbackBehavior((payload, metaData) -> {
            if (payload instanceof StartRollout) {
                throw new AggregateNotFoundException("detector:global", "no deployment");
            }
            return null;
        });
        PromotionDecision promoted = PromotionRule.decide(validated(VALIDATION, true, 9, 0, 1), 0.2);
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING)
                .whenAggregate(ID).publishes(new FineTuningValidated(ID, promoted))
                .expectDispatchedCommands(rollout(), new RejectFineTuning(ID, List.of("slot detector:global has no deployment: "
                        + "create one before its candidate can be rolled out"), Actor.system()));
    }

    @Test
    void cancellingDuringTrainingInterruptsItAndEndsTheSaga() throws Exception {
        fixture.givenAggregate(ID).published(REQUESTED, EXPORT, STARTED)
                .whenAggregate(ID).publishes(new FineTuningCancelled(ID, "not needed", "ada"))
                .expectDispatchedCommands(new StopFineTuningTraining(ID))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void settingsWithoutAShadowPhaseAreRefusedAtStartup() throws Exception {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FineTuningProperties(0, Duration.ofHours(1),
                        Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(1), 3,
                        new FineTuningProperties.Rollout(null, null, List.of(5, 100), Duration.ofMinutes(5), 10, 0.05, 0.1)))
                .hasMessageContaining("shadow");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new FineTuningProperties(2, Duration.ofHours(1),
                        Duration.ofHours(1), Duration.ofHours(1), Duration.ofMinutes(1), Duration.ofMinutes(1), 3,
                        FineTuningProperties.Rollout.defaults()))
                .hasMessageContaining("default-margin");
    }
}
