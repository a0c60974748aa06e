package io.storyteller.projections.acquisition;

import io.storyteller.domain.acquisition.AcquiredModelEvaluationRequested;
import io.storyteller.domain.acquisition.AcquiredModelRegistered;
import io.storyteller.domain.acquisition.AcquiredModelValidationRequested;
import io.storyteller.domain.acquisition.AcquisitionFailed;
import io.storyteller.domain.acquisition.AcquisitionSetback;
import io.storyteller.domain.acquisition.AcquisitionStatus;
import io.storyteller.domain.acquisition.HubAcquisitionRequested;
import io.storyteller.domain.acquisition.HubModelDownloaded;
import io.storyteller.domain.acquisition.HubModelVerified;
import io.storyteller.domain.validation.ModelValidated;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.JsonColumns;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code acquisitions}: one row per Hub acquisition, its steps' times, files, digest, the
 * registered version, a failure, and the validation that judges the version with its result (the
 * {@link ModelValidated} of that validation id). Every write sets what its event says, so an event
 * delivered twice leaves the same row.
 */
@Component
@ProcessingGroup(AcquisitionProjection.GROUP)
@AllowReplay
public class AcquisitionProjection {

    public static final String GROUP = "acquisitions";

    private final JdbcClient jdbc;

    public AcquisitionProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(HubAcquisitionRequested event, @Timestamp Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", event.acquisitionId());
        params.put("repo", event.repo());
        params.put("revision", event.revision());
        params.put("useCase", event.useCase() == null ? null : event.useCase().name());
        params.put("status", AcquisitionStatus.IN_PROGRESS.name());
        params.put("requestedBy", event.requestedBy());
        params.put("at", Columns.time(at));
        jdbc.sql("""
                INSERT INTO acquisitions (acquisition_id, repo, revision, use_case, status, requested_by, requested_at,
                                          updated_at)
                VALUES (:id, :repo, :revision, :useCase, :status, :requestedBy, :at, :at)
                ON CONFLICT (acquisition_id) DO NOTHING""")
                .params(params)
                .update();
    }

    @EventHandler
    void on(HubModelDownloaded event, @Timestamp Instant at) {
        Map<String, Object> params = new HashMap<>();
        params.put("id", event.acquisitionId());
        params.put("commit", event.commit());
        params.put("license", event.license());
        params.put("task", event.task());
        params.put("library", event.library());
        params.put("totalBytes", event.totalBytes());
        params.put("files", JsonColumns.write(event.files()));
        params.put("at", Columns.time(at));
        jdbc.sql("""
                UPDATE acquisitions SET commit_id = :commit, license = :license, task = :task, library = :library,
                       total_bytes = :totalBytes, files = CAST(:files AS jsonb), downloaded_at = :at, updated_at = :at
                WHERE acquisition_id = :id""")
                .params(params)
                .update();
    }

    @EventHandler
    void on(HubModelVerified event, @Timestamp Instant at) {
        jdbc.sql("UPDATE acquisitions SET digest = :digest, verified_at = :at, updated_at = :at WHERE acquisition_id = :id")
                .param("digest", event.digest())
                .param("at", Columns.time(at))
                .param("id", event.acquisitionId())
                .update();
    }

    @EventHandler
    void on(AcquiredModelRegistered event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE acquisitions SET model_id = :modelId, model_version = :version, registered_at = :at, updated_at = :at
                WHERE acquisition_id = :id""")
                .param("modelId", event.model().modelId())
                .param("version", event.model().version())
                .param("at", Columns.time(at))
                .param("id", event.acquisitionId())
                .update();
    }

    @EventHandler
    void on(AcquiredModelEvaluationRequested event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE acquisitions SET status = :status, evaluation_requested_at = :at, updated_at = :at
                WHERE acquisition_id = :id""")
                .param("status", AcquisitionStatus.COMPLETED.name())
                .param("at", Columns.time(at))
                .param("id", event.acquisitionId())
                .update();
    }

    @EventHandler
    void on(AcquisitionSetback event, @Timestamp Instant at) {
        jdbc.sql("UPDATE acquisitions SET last_setback = :reason, updated_at = :at WHERE acquisition_id = :id")
                .param("reason", event.step() + ": " + event.reason())
                .param("at", Columns.time(at))
                .param("id", event.acquisitionId())
                .update();
    }

    @EventHandler
    void on(AcquisitionFailed event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE acquisitions SET status = :status, failed_step = :step, failure_reason = :reason, updated_at = :at
                WHERE acquisition_id = :id""")
                .param("status", AcquisitionStatus.FAILED.name())
                .param("step", event.step().name())
                .param("reason", event.reason())
                .param("at", Columns.time(at))
                .param("id", event.acquisitionId())
                .update();
    }

    @EventHandler
    void on(AcquiredModelValidationRequested event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE acquisitions SET validation_id = :validationId, validation_requested_at = :at, updated_at = :at
                WHERE acquisition_id = :id""")
                .param("validationId", event.validationId())
                .param("at", Columns.time(at))
                .param("id", event.acquisitionId())
                .update();
    }

    /** A validation of anything else matches no row and changes nothing. */
    @EventHandler
    void on(ModelValidated event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE acquisitions SET validation_passed = :passed, validation_wins = :wins, validation_losses = :losses,
                       validation_ties = :ties, validation_reasons = :reasons, validated_at = :at, updated_at = :at
                WHERE validation_id = :validationId""")
                .param("passed", event.passed())
                .param("wins", event.wins())
                .param("losses", event.losses())
                .param("ties", event.ties())
                .param("reasons", Columns.textArray(event.reasons()))
                .param("at", Columns.time(at))
                .param("validationId", event.validationId())
                .update();
    }

    /** Before a replay: the replay rebuilds the table from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE acquisitions").update();
    }
}
