package io.storyteller.projections.finetuning;

import io.storyteller.domain.finetuning.FineTuningEntry;
import io.storyteller.domain.finetuning.FineTuningRequested;
import io.storyteller.domain.finetuning.FineTuningStatus;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.FineTuningView;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.FineTuningRows;
import io.storyteller.projections.schema.JsonColumns;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Writes {@code fine_tunings}: each change applies only if its event is newer than the last one applied to the row. */
final class FineTuningTable {

    private final JdbcClient jdbc;

    FineTuningTable(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(FineTuningRequested event, List<FineTuningEntry> entry, long seq, Instant at) {
        jdbc.sql("""
                INSERT INTO fine_tunings (fine_tuning_id, status, step, base_model_id, base_version, use_case, backend,
                                          world_id, selection, hyper_parameters, margin, history, requested_by,
                                          requested_at, updated_at, last_event_seq)
                VALUES (:id, :status, :step, :baseId, :baseVersion, :useCase, :backend, :worldId, CAST(:selection AS jsonb),
                        CAST(:parameters AS jsonb), :margin, CAST(:history AS jsonb), :requestedBy, :at, :at, :seq)
                ON CONFLICT (fine_tuning_id) DO NOTHING""")
                .param("id", event.fineTuningId())
                .param("status", FineTuningStatus.REQUESTED.name())
                .param("step", FineTuningStep.EXPORT.name())
                .param("baseId", event.base().modelId())
                .param("baseVersion", event.base().version())
                .param("useCase", event.useCase().name())
                .param("backend", event.backend())
                .param("worldId", event.worldId())
                .param("selection", JsonColumns.write(event.dataset()))
                .param("parameters", JsonColumns.write(event.hyperParameters()))
                .param("margin", event.margin())
                .param("history", JsonColumns.write(entry))
                .param("requestedBy", event.requestedBy())
                .param("at", Columns.time(at))
                .param("seq", seq)
                .update();
    }

    /**
     * Appends the entry to the history and sets the status and step when given (null keeps them), plus
     * {@code assignments} (SQL {@code column = :param, …}) with their parameters.
     */
    void update(String fineTuningId, long seq, Instant at, FineTuningStatus status, FineTuningStep step,
            List<FineTuningEntry> entry, String assignments, Map<String, ?> params) {
        Map<String, Object> all = new HashMap<>(params);
        all.put("id", fineTuningId);
        all.put("seq", seq);
        all.put("at", Columns.time(at));
        all.put("status", status == null ? null : status.name());
        all.put("step", step == null ? null : step.name());
        all.put("entry", JsonColumns.write(entry));
        jdbc.sql("""
                UPDATE fine_tunings
                SET status = coalesce(CAST(:status AS text), status), step = coalesce(CAST(:step AS text), step),
                    history = history || CAST(:entry AS jsonb), updated_at = greatest(updated_at, :at),
                    last_event_seq = :seq""" + (assignments == null ? "" : ",\n" + assignments) + """

                WHERE fine_tuning_id = :id AND last_event_seq < :seq""")
                .params(all)
                .update();
    }

    Optional<FineTuningView> read(String fineTuningId) {
        return jdbc.sql(FineTuningRows.SELECT + "WHERE f.fine_tuning_id = :id").param("id", fineTuningId)
                .query(FineTuningRows::view).optional();
    }

    void clear() {
        jdbc.sql("TRUNCATE fine_tunings").update();
    }
}
