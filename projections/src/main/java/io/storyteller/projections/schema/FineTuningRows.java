package io.storyteller.projections.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import io.storyteller.domain.corpus.CorpusSelection;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningEntry;
import io.storyteller.domain.finetuning.FineTuningFailure;
import io.storyteller.domain.finetuning.FineTuningStatus;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.FineTuningView;
import io.storyteller.domain.finetuning.PromotionDecision;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** The {@code fine_tunings} table read as {@link FineTuningView}s. */
public final class FineTuningRows {

    /** Selects every column; callers append WHERE/ORDER BY. */
    public static final String SELECT = "SELECT * FROM fine_tunings f ";

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Long>> RECORDS = new TypeReference<>() {
    };
    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };
    private static final TypeReference<List<FineTuningEntry>> HISTORY = new TypeReference<>() {
    };

    private FineTuningRows() {
    }

    public static FineTuningView view(ResultSet rs, int rowNum) throws SQLException {
        String exportId = rs.getString("export_id");
        String candidateId = rs.getString("candidate_model_id");
        String failureStep = rs.getString("failure_step");
        return new FineTuningView(
                rs.getString("fine_tuning_id"),
                FineTuningStatus.valueOf(rs.getString("status")),
                FineTuningStep.valueOf(rs.getString("step")),
                new ModelRef(rs.getString("base_model_id"), rs.getString("base_version")),
                UseCase.valueOf(rs.getString("use_case")),
                rs.getString("backend"),
                rs.getString("world_id"),
                JsonColumns.read(rs.getString("selection"), CorpusSelection.class),
                JsonColumns.read(rs.getString("hyper_parameters"), PARAMETERS),
                nullableDouble(rs, "margin"),
                exportId == null ? null : new FineTuningDataset(exportId, rs.getString("dataset_directory"),
                        rs.getString("dataset_digest"), JsonColumns.read(rs.getString("dataset_records"), RECORDS)),
                candidateId == null ? null : new ModelRef(candidateId, rs.getString("candidate_version")),
                JsonColumns.read(rs.getString("training_metrics"), METRICS),
                validation(rs, candidateId == null ? null : new ModelRef(candidateId, rs.getString("candidate_version"))),
                Columns.texts(rs, "reasons"),
                rs.getString("deployment_id"),
                rs.getString("rollout_id"),
                failureStep == null ? null : new FineTuningFailure(FineTuningStep.valueOf(failureStep),
                        rs.getString("failure_reason"), rs.getInt("failure_attempts")),
                JsonColumns.read(rs.getString("history"), HISTORY),
                rs.getString("requested_by"),
                Columns.instant(rs, "requested_at"),
                Columns.instant(rs, "updated_at"));
    }

    private static PromotionDecision validation(ResultSet rs, ModelRef candidate) throws SQLException {
        boolean passed = rs.getBoolean("validation_passed");
        if (rs.wasNull()) {
            return null;
        }
        String incumbentId = rs.getString("incumbent_model_id");
        return new PromotionDecision(rs.getString("validation_id"), candidate,
                incumbentId == null ? null : new ModelRef(incumbentId, rs.getString("incumbent_version")),
                passed, rs.getInt("validation_wins"), rs.getInt("validation_losses"), rs.getInt("validation_ties"),
                nullableDouble(rs, "validation_score"), rs.getDouble("validation_margin"), rs.getBoolean("promoted"),
                Columns.texts(rs, "reasons"));
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
