package io.storyteller.domain.finetuning;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.Require;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

/**
 * One fine-tuning: requested → dataset exported → training → candidate trained → validation →
 * rollout started, or rejected with the reasons, failed at a step, or cancelled. Each step's work
 * is done elsewhere and reported here; this decides what may be recorded and in which order, so a
 * late answer of a cancelled or retried step cannot move it.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class FineTuning {

    static final int MAX_REASON = 1000;
    static final int MAX_REASONS = 20;

    @AggregateIdentifier
    private String fineTuningId;
    private String backend;
    private FineTuningStatus status;
    private ModelRef candidate;
    private String validationId;

    protected FineTuning() {
    }

    /** Called by {@link FineTuningAdmission} once it has checked the request. */
    FineTuning(FineTuningRequested requested) {
        apply(requested);
    }

    @CommandHandler
    public void handle(RecordFineTuningExport command) {
        FineTuningAuthority.require(command.actor());
        requireStatus(FineTuningStatus.REQUESTED, "dataset export");
        FineTuningDataset dataset = Require.present("dataset", command.dataset());
        apply(new FineTuningDatasetExported(fineTuningId, new FineTuningDataset(Require.text("dataset.exportId", dataset.exportId(), 200),
                Require.text("dataset.directory", dataset.directory(), 500), Require.text("dataset.digest", dataset.digest(), 64),
                dataset.records())));
    }

    @CommandHandler
    public void handle(RecordTrainingStart command) {
        FineTuningAuthority.require(command.actor());
        requireOpen();
        if (status != FineTuningStatus.EXPORTED && status != FineTuningStatus.TRAINING) {
            throw order("training start");
        }
        apply(new FineTuningTrainingStarted(fineTuningId, backend, Require.range("attempt", command.attempt(), 1, 1000)));
    }

    @CommandHandler
    public void handle(RecordTrainedCandidate command) {
        FineTuningAuthority.require(command.actor());
        requireStatus(FineTuningStatus.TRAINING, "trained candidate");
        apply(new FineTuningTrainingCompleted(fineTuningId, Require.present("candidate", command.candidate()).validated("candidate"),
                command.metrics()));
    }

    @CommandHandler
    public void handle(RequestCandidateValidation command) {
        FineTuningAuthority.require(command.actor());
        requireOpen();
        if (status != FineTuningStatus.TRAINED && status != FineTuningStatus.VALIDATING) {
            throw order("validation request");
        }
        apply(new FineTuningValidationRequested(fineTuningId, Require.id("validationId", command.validationId()), candidate,
                Require.range("attempt", command.attempt(), 1, 1000)));
    }

    /** The decision is recorded; a candidate that is not promoted ends the fine-tuning here, with the reasons. */
    @CommandHandler
    public void handle(RecordCandidateValidation command) {
        FineTuningAuthority.require(command.actor());
        requireStatus(FineTuningStatus.VALIDATING, "validation");
        PromotionDecision decision = Require.present("decision", command.decision());
        if (!decision.validationId().equals(validationId)) {
            throw DomainRejection.conflict("decision.validationId", "current-validation",
                    "fine-tuning " + fineTuningId + " waits for validation " + validationId + ", not " + decision.validationId());
        }
        apply(new FineTuningValidated(fineTuningId, decision));
        if (!decision.promote()) {
            apply(new FineTuningRejected(fineTuningId, decision.reasons()));
        }
    }

    @CommandHandler
    public void handle(RecordFineTuningRollout command) {
        FineTuningAuthority.require(command.actor());
        requireStatus(FineTuningStatus.VALIDATING, "rollout");
        apply(new FineTuningRolloutStarted(fineTuningId, candidate, Require.text("deploymentId", command.deploymentId(), 300),
                Require.id("rolloutId", command.rolloutId())));
    }

    @CommandHandler
    public void handle(RejectFineTuning command) {
        FineTuningAuthority.require(command.actor());
        requireOpen();
        List<String> reasons = Require.texts("reasons", command.reasons(), MAX_REASONS, MAX_REASON);
        if (reasons.isEmpty()) {
            throw DomainRejection.invalid("reasons", "required", "a rejection says why not");
        }
        apply(new FineTuningRejected(fineTuningId, reasons));
    }

    @CommandHandler
    public void handle(ReportFineTuningSetback command) {
        FineTuningAuthority.require(command.actor());
        requireOpen();
        apply(new FineTuningSetback(fineTuningId, Require.present("step", command.step()),
                Require.range("attempt", command.attempt(), 1, 1000), Require.text("reason", command.reason(), MAX_REASON),
                command.retryable()));
    }

    @CommandHandler
    public void handle(FailFineTuning command) {
        FineTuningAuthority.require(command.actor());
        requireOpen();
        apply(new FineTuningFailed(fineTuningId, Require.present("step", command.step()),
                Require.text("reason", command.reason(), MAX_REASON), Require.range("attempts", command.attempts(), 1, 1000)));
    }

    @CommandHandler
    public void handle(CancelFineTuning command) {
        var actor = FineTuningAuthority.require(command.actor());
        requireOpen();
        String reason = Require.optionalText("reason", command.reason(), MAX_REASON);
        apply(new FineTuningCancelled(fineTuningId, reason.isEmpty() ? null : reason, actor.userId()));
    }

    private void requireOpen() {
        if (status.ended()) {
            throw DomainRejection.conflict("fineTuningId", "open", "fine-tuning " + fineTuningId + " has ended (" + status + ")");
        }
    }

    private void requireStatus(FineTuningStatus expected, String what) {
        requireOpen();
        if (status != expected) {
            throw order(what);
        }
    }

    private DomainRejection order(String what) {
        return DomainRejection.conflict("step", "step-order", "fine-tuning " + fineTuningId + " is " + status
                + ", so a " + what + " cannot be recorded");
    }

    @EventSourcingHandler
    void on(FineTuningRequested event) {
        fineTuningId = event.fineTuningId();
        backend = event.backend();
        status = FineTuningStatus.REQUESTED;
    }

    @EventSourcingHandler
    void on(FineTuningDatasetExported event) {
        status = FineTuningStatus.EXPORTED;
    }

    @EventSourcingHandler
    void on(FineTuningTrainingStarted event) {
        status = FineTuningStatus.TRAINING;
    }

    @EventSourcingHandler
    void on(FineTuningTrainingCompleted event) {
        status = FineTuningStatus.TRAINED;
        candidate = event.candidate();
    }

    @EventSourcingHandler
    void on(FineTuningValidationRequested event) {
        status = FineTuningStatus.VALIDATING;
        validationId = event.validationId();
    }

    @EventSourcingHandler
    void on(FineTuningRolloutStarted event) {
        status = FineTuningStatus.ROLLOUT_STARTED;
    }

    @EventSourcingHandler
    void on(FineTuningRejected event) {
        status = FineTuningStatus.REJECTED;
    }

    @EventSourcingHandler
    void on(FineTuningFailed event) {
        status = FineTuningStatus.FAILED;
    }

    @EventSourcingHandler
    void on(FineTuningCancelled event) {
        status = FineTuningStatus.CANCELLED;
    }
}
