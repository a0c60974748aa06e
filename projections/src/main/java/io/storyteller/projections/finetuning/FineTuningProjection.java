package io.storyteller.projections.finetuning;

import io.storyteller.domain.finetuning.FindFineTuning;
import io.storyteller.domain.finetuning.FineTuningCancelled;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningDatasetExported;
import io.storyteller.domain.finetuning.FineTuningEntry;
import io.storyteller.domain.finetuning.FineTuningFailed;
import io.storyteller.domain.finetuning.FineTuningRejected;
import io.storyteller.domain.finetuning.FineTuningRequested;
import io.storyteller.domain.finetuning.FineTuningRolloutStarted;
import io.storyteller.domain.finetuning.FineTuningSetback;
import io.storyteller.domain.finetuning.FineTuningStatus;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.FineTuningTrainingCompleted;
import io.storyteller.domain.finetuning.FineTuningTrainingStarted;
import io.storyteller.domain.finetuning.FineTuningValidated;
import io.storyteller.domain.finetuning.FineTuningValidationRequested;
import io.storyteller.domain.finetuning.PromotionDecision;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.JsonColumns;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code fine_tunings}: one row per fine-tuning with the step it is at, what each step
 * produced and its history. Every change is guarded by the aggregate's sequence number, so an event
 * delivered twice neither moves the status back nor lists a step twice.
 */
@Component
@ProcessingGroup(FineTuningProjection.GROUP)
@AllowReplay
public class FineTuningProjection {

    public static final String GROUP = "fine-tunings";

    private final FineTuningTable table;
    private final QueryUpdateEmitter emitter;

    public FineTuningProjection(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        this.table = new FineTuningTable(jdbc);
        this.emitter = emitter;
    }

    @EventHandler
    void on(FineTuningRequested event, @SequenceNumber long seq, @Timestamp Instant at) {
        table.insert(event, entry("Requested", null, null, event.backend() + " on " + event.base().label(), at), seq, at);
        changed(event.fineTuningId());
    }

    @EventHandler
    void on(FineTuningDatasetExported event, @SequenceNumber long seq, @Timestamp Instant at) {
        FineTuningDataset dataset = event.dataset();
        long records = dataset.records().values().stream().mapToLong(Long::longValue).sum();
        table.update(event.fineTuningId(), seq, at, FineTuningStatus.EXPORTED, FineTuningStep.TRAIN,
                entry("DatasetExported", FineTuningStep.EXPORT, null, dataset.exportId() + ", " + records + " records", at),
                """
                export_id = :exportId, dataset_directory = :directory, dataset_digest = :digest,
                dataset_records = CAST(:records AS jsonb)""",
                Map.of("exportId", dataset.exportId(), "directory", dataset.directory(), "digest", dataset.digest(),
                        "records", JsonColumns.write(dataset.records())));
        changed(event.fineTuningId());
    }

    @EventHandler
    void on(FineTuningTrainingStarted event, @SequenceNumber long seq, @Timestamp Instant at) {
        table.update(event.fineTuningId(), seq, at, FineTuningStatus.TRAINING, FineTuningStep.TRAIN,
                entry("TrainingStarted", FineTuningStep.TRAIN, event.attempt(), event.backend(), at), null, Map.of());
        changed(event.fineTuningId());
    }

    @EventHandler
    void on(FineTuningTrainingCompleted event, @SequenceNumber long seq, @Timestamp Instant at) {
        table.update(event.fineTuningId(), seq, at, FineTuningStatus.TRAINED, FineTuningStep.VALIDATE,
                entry("TrainingCompleted", FineTuningStep.TRAIN, null, event.candidate().label(), at),
                "candidate_model_id = :candidateId, candidate_version = :candidateVersion, training_metrics = CAST(:metrics AS jsonb)",
                Map.of("candidateId", event.candidate().modelId(), "candidateVersion", event.candidate().version(),
                        "metrics", JsonColumns.write(event.metrics())));
        changed(event.fineTuningId());
    }

    @EventHandler
    void on(FineTuningValidationRequested event, @SequenceNumber long seq, @Timestamp Instant at) {
        table.update(event.fineTuningId(), seq, at, FineTuningStatus.VALIDATING, FineTuningStep.VALIDATE,
                entry("ValidationRequested", FineTuningStep.VALIDATE, event.attempt(), event.validationId(), at),
                "validation_id = :validationId", Map.of("validationId", event.validationId()));
        changed(event.fineTuningId());
    }

    @EventHandler
    void on(FineTuningValidated event, @SequenceNumber long seq, @Timestamp Instant at) {
        PromotionDecision decision = event.decision();
        Map<String, Object> params = new HashMap<>();
        params.put("passed", decision.passed());
        params.put("wins", decision.wins());
        params.put("losses", decision.losses());
        params.put("ties", decision.ties());
        params.put("score", decision.score());
        params.put("margin", decision.margin());
        params.put("incumbentId", decision.incumbent() == null ? null : decision.incumbent().modelId());
        params.put("incumbentVersion", decision.incumbent() == null ? null : decision.incumbent().version());
        params.put("promoted", decision.promote());
        params.put("reasons", Columns.textArray(decision.reasons()));
        table.update(event.fineTuningId(), seq, at, FineTuningStatus.VALIDATING, FineTuningStep.VALIDATE,
                entry("Validated", FineTuningStep.VALIDATE, null, (decision.promote() ? "promote" : "do not promote")
                        + ": wins " + decision.wins() + ", losses " + decision.losses() + ", ties " + decision.ties(), at),
                """
                validation_passed = :passed, validation_wins = :wins, validation_losses = :losses, validation_ties = :ties,
                validation_score = :score, validation_margin = :margin, incumbent_model_id = :incumbentId,
                incumbent_version = :incumbentVersion, promoted = :promoted, reasons = :reasons""", params);
        changed(event.fineTuningId());
    }

    @EventHandler
    void on(FineTuningRolloutStarted event, @SequenceNumber long seq, @Timestamp Instant at) {
        table.update(event.fineTuningId(), seq, at, FineTuningStatus.ROLLOUT_STARTED, FineTuningStep.ROLLOUT,
                entry("RolloutStarted", FineTuningStep.ROLLOUT, null, event.deploymentId() + " / " + event.rolloutId(), at),
                "deployment_id = :deploymentId, rollout_id = :rolloutId",
                Map.of("deploymentId", event.deploymentId(), "rolloutId", event.rolloutId()));
        changed(event.fineTuningId());
    }

    @EventHandler
    void on(FineTuningRejected event, @SequenceNumber long seq, @Timestamp Instant at) {
        table.update(event.fineTuningId(), seq, at, FineTuningStatus.REJECTED, null,
                entry("Rejected", null, null, String.join("; ", event.reasons()), at),
                "reasons = :reasons", Map.of("reasons", Columns.textArray(event.reasons())));
        changed(event.fineTuningId());
    }

    /** A failed attempt is history only: the status stays, the saga decides whether there is another. */
    @EventHandler
    void on(FineTuningSetback event, @SequenceNumber long seq, @Timestamp Instant at) {
        table.update(event.fineTuningId(), seq, at, null, null,
                entry("Setback", event.step(), event.attempt(), event.reason(), at), null, Map.of());
        changed(event.fineTuningId());
    }

    @EventHandler
    void on(FineTuningFailed event, @SequenceNumber long seq, @Timestamp Instant at) {
        table.update(event.fineTuningId(), seq, at, FineTuningStatus.FAILED, event.step(),
                entry("Failed", event.step(), event.attempts(), event.reason(), at),
                "failure_step = :failureStep, failure_reason = :failureReason, failure_attempts = :failureAttempts",
                Map.of("failureStep", event.step().name(), "failureReason", event.reason(), "failureAttempts", event.attempts()));
        changed(event.fineTuningId());
    }

    @EventHandler
    void on(FineTuningCancelled event, @SequenceNumber long seq, @Timestamp Instant at) {
        table.update(event.fineTuningId(), seq, at, FineTuningStatus.CANCELLED, null,
                entry("Cancelled", null, null, "by " + event.cancelledBy() + (event.reason() == null ? "" : ": " + event.reason()), at),
                null, Map.of());
        changed(event.fineTuningId());
    }

    /** Before a replay: the replay rebuilds every row from the first event. */
    @ResetHandler
    public void reset() {
        table.clear();
    }

    /**
     * Tells {@link FindFineTuning} subscribers (a request waiting for its fine-tuning to be readable)
     * the fresh view; Axon sends it after the projection's transaction commits.
     */
    private void changed(String fineTuningId) {
        table.read(fineTuningId).ifPresent(view -> emitter.emit(FindFineTuning.class,
                query -> query.wants(view), view));
    }

    private static List<FineTuningEntry> entry(String event, FineTuningStep step, Integer attempt, String detail, Instant at) {
        return List.of(new FineTuningEntry(event, step, attempt, detail, at));
    }
}
