package io.storyteller.projections.validation;

import io.storyteller.domain.validation.EvaluationSuiteDefined;
import io.storyteller.domain.validation.EvaluationSuiteRevised;
import io.storyteller.domain.validation.ModelValidated;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.JsonColumns;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code evaluation_suites} and {@code model_validations}: what candidates are measured on, and
 * each validation with its comparison against the incumbent. Writes are keyed (a suite's name, a
 * validation's model and sequence number), so an event delivered twice leaves the same rows.
 */
@Component
@ProcessingGroup(ValidationProjection.GROUP)
@AllowReplay
public class ValidationProjection {

    public static final String GROUP = "validations";

    private final JdbcClient jdbc;

    public ValidationProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(EvaluationSuiteDefined event, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO evaluation_suites (name, use_case, dataset, metrics, tie_margin, defined_by, defined_at, updated_at)
                VALUES (:name, :useCase, CAST(:dataset AS jsonb), CAST(:metrics AS jsonb), :margin, :by, :at, :at)
                ON CONFLICT (name) DO NOTHING""")
                .param("name", event.name())
                .param("useCase", event.useCase().name())
                .param("dataset", JsonColumns.write(event.dataset()))
                .param("metrics", JsonColumns.write(event.metrics()))
                .param("margin", event.tieMargin())
                .param("by", event.definedBy())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(EvaluationSuiteRevised event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE evaluation_suites SET dataset = CAST(:dataset AS jsonb), metrics = CAST(:metrics AS jsonb),
                       tie_margin = :margin, revised_by = :by, updated_at = :at
                WHERE name = :name""")
                .param("name", event.name())
                .param("dataset", JsonColumns.write(event.dataset()))
                .param("metrics", JsonColumns.write(event.metrics()))
                .param("margin", event.tieMargin())
                .param("by", event.revisedBy())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(ModelValidated event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO model_validations (model_id, event_seq, validation_id, version, suite, incumbent_model_id,
                                               incumbent_version, passed, gates, wins, losses, ties, examples, reasons,
                                               validated_by, validated_at, dataset)
                VALUES (:modelId, :seq, :validationId, :version, :suite, :incumbentId, :incumbentVersion, :passed,
                        CAST(:gates AS jsonb), :wins, :losses, :ties, CAST(:examples AS jsonb), CAST(:reasons AS jsonb),
                        :by, :at, CAST(:dataset AS jsonb))
                ON CONFLICT (model_id, event_seq) DO NOTHING""")
                .param("modelId", event.modelId())
                .param("seq", seq)
                .param("validationId", event.validationId())
                .param("version", event.version())
                .param("suite", event.suite())
                .param("incumbentId", event.incumbent() == null ? null : event.incumbent().modelId())
                .param("incumbentVersion", event.incumbent() == null ? null : event.incumbent().version())
                .param("passed", event.passed())
                .param("gates", JsonColumns.write(event.gates()))
                .param("wins", event.wins())
                .param("losses", event.losses())
                .param("ties", event.ties())
                .param("examples", JsonColumns.write(event.examples()))
                .param("reasons", JsonColumns.write(event.reasons()))
                .param("by", event.validatedBy())
                .param("at", Columns.time(at))
                .param("dataset", event.dataset() == null ? null : JsonColumns.write(event.dataset()))
                .update();
    }

    /** Before a replay: the replay rebuilds both tables from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE evaluation_suites, model_validations").update();
    }
}
