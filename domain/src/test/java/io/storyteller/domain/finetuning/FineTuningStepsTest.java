package io.storyteller.domain.finetuning;

import static io.storyteller.domain.finetuning.FineTuningExamples.ADMIN;
import static io.storyteller.domain.finetuning.FineTuningExamples.BASE;
import static io.storyteller.domain.finetuning.FineTuningExamples.CANDIDATE;
import static io.storyteller.domain.finetuning.FineTuningExamples.EXPORTED;
import static io.storyteller.domain.finetuning.FineTuningExamples.ID;
import static io.storyteller.domain.finetuning.FineTuningExamples.REQUESTED;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each step is recorded once and in order; a fine-tuning that ended accepts nothing more. */
class FineTuningStepsTest {

    private static final FineTuningDatasetExported EXPORT = new FineTuningDatasetExported(ID, EXPORTED);
    private static final FineTuningTrainingStarted STARTED = new FineTuningTrainingStarted(ID, "house", 1);
    private static final FineTuningTrainingCompleted TRAINED = new FineTuningTrainingCompleted(ID, CANDIDATE, Map.of("loss", 0.2));
    private static final FineTuningValidationRequested VALIDATING = new FineTuningValidationRequested(ID, "val-1", CANDIDATE, 1);

    private FixtureConfiguration<FineTuning> fixture;

    @BeforeEach
    void setUp() {
        fixture = FineTuningExamples.fixture();
    }

    private static PromotionDecision decision(boolean promote, List<String> reasons) {
        return new PromotionDecision("val-1", CANDIDATE, BASE, true, 8, 2, 0, 0.6, 0.1, promote, reasons);
    }

    @Test
    void theStepsAreRecordedInOrderUpToTheRollout() {
        fixture.given(REQUESTED).when(new RecordFineTuningExport(ID, EXPORTED, Actor.system())).expectEvents(EXPORT);
        fixture.given(REQUESTED, EXPORT).when(new RecordTrainingStart(ID, 1, Actor.system())).expectEvents(STARTED);
        fixture.given(REQUESTED, EXPORT, STARTED).when(new RecordTrainedCandidate(ID, CANDIDATE, Map.of("loss", 0.2), Actor.system()))
                .expectEvents(TRAINED);
        fixture.given(REQUESTED, EXPORT, STARTED, TRAINED).when(new RequestCandidateValidation(ID, "val-1", 1, Actor.system()))
                .expectEvents(VALIDATING);
        fixture.given(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING)
                .when(new RecordCandidateValidation(ID, decision(true, List.of()), Actor.system()))
                .expectEvents(new FineTuningValidated(ID, decision(true, List.of())));
        fixture.given(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING, new FineTuningValidated(ID, decision(true, List.of())))
                .when(new RecordFineTuningRollout(ID, "detector:global", "ro-1", Actor.system()))
                .expectEvents(new FineTuningRolloutStarted(ID, CANDIDATE, "detector:global", "ro-1"));
    }

    @Test
    void aCandidateThatIsNotPromotedIsRejectedWithTheReasons() {
        List<String> why = List.of("below the margin");
        fixture.given(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING)
                .when(new RecordCandidateValidation(ID, decision(false, why), Actor.system()))
                .expectEvents(new FineTuningValidated(ID, decision(false, why)), new FineTuningRejected(ID, why));
    }

    @Test
    void aValidationOtherThanTheOneAskedForLastIsRefused() {
        PromotionDecision stale = new PromotionDecision("val-0", CANDIDATE, BASE, true, 1, 0, 0, 1.0, 0, true, List.of());
        fixture.given(REQUESTED, EXPORT, STARTED, TRAINED, VALIDATING)
                .when(new RecordCandidateValidation(ID, stale, Actor.system()))
                .expectException(Rejected.conflict("decision.validationId", "current-validation"));
    }

    @Test
    void aStepOutOfOrderIsRefused() {
        fixture.given(REQUESTED)
                .when(new RecordTrainedCandidate(ID, CANDIDATE, Map.of(), Actor.system()))
                .expectException(Rejected.conflict("step", "step-order"));
    }

    @Test
    void setbacksAreRecordedAndAFailureEndsIt() {
        fixture.given(REQUESTED, EXPORT, STARTED)
                .when(new ReportFineTuningSetback(ID, FineTuningStep.TRAIN, 1, "out of memory", true, Actor.system()))
                .expectEvents(new FineTuningSetback(ID, FineTuningStep.TRAIN, 1, "out of memory", true));
        fixture.given(REQUESTED, EXPORT, STARTED)
                .when(new FailFineTuning(ID, FineTuningStep.TRAIN, "out of memory", 3, Actor.system()))
                .expectEvents(new FineTuningFailed(ID, FineTuningStep.TRAIN, "out of memory", 3));
    }

    @Test
    void aCancelledFineTuningAcceptsNoLateAnswer() {
        fixture.given(REQUESTED, EXPORT)
                .when(new CancelFineTuning(ID, " not needed ", ADMIN))
                .expectEvents(new FineTuningCancelled(ID, "not needed", "ada"));
        fixture.given(REQUESTED, EXPORT, new FineTuningCancelled(ID, null, "ada"))
                .when(new RecordTrainingStart(ID, 1, Actor.system()))
                .expectException(Rejected.conflict("fineTuningId", "open"));
    }

    @Test
    void aRejectionNeedsAReason() {
        fixture.given(REQUESTED)
                .when(new RejectFineTuning(ID, List.of(), Actor.system()))
                .expectException(Rejected.invalid("reasons", "required"));
    }
}
