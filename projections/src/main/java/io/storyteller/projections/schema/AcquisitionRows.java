package io.storyteller.projections.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import io.storyteller.domain.acquisition.AcquisitionStatus;
import io.storyteller.domain.acquisition.AcquisitionStep;
import io.storyteller.domain.acquisition.AcquisitionValidation;
import io.storyteller.domain.acquisition.AcquisitionView;
import io.storyteller.domain.acquisition.HubFile;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/** The {@code acquisitions} table as {@link AcquisitionView}s. */
public final class AcquisitionRows {

    public static final String SELECT = "SELECT * FROM acquisitions a";
    private static final TypeReference<List<HubFile>> FILES = new TypeReference<>() { };

    private AcquisitionRows() {
    }

    public static AcquisitionView view(ResultSet rs) throws SQLException {
        String modelId = rs.getString("model_id");
        String useCase = rs.getString("use_case");
        String failedStep = rs.getString("failed_step");
        long totalBytes = rs.getLong("total_bytes");
        Long total = rs.wasNull() ? null : totalBytes;
        List<HubFile> files = JsonColumns.read(rs.getString("files"), FILES);
        return new AcquisitionView(rs.getString("acquisition_id"), rs.getString("repo"), rs.getString("revision"),
                rs.getString("commit_id"), useCase == null ? null : UseCase.valueOf(useCase),
                AcquisitionStatus.valueOf(rs.getString("status")), rs.getString("license"), total,
                rs.getString("digest"), modelId == null ? null : new ModelRef(modelId, rs.getString("model_version")),
                failedStep == null ? null : AcquisitionStep.valueOf(failedStep), rs.getString("failure_reason"),
                rs.getString("last_setback"), rs.getString("requested_by"), Columns.instant(rs, "requested_at"),
                Columns.instant(rs, "downloaded_at"), Columns.instant(rs, "verified_at"),
                Columns.instant(rs, "registered_at"), Columns.instant(rs, "evaluation_requested_at"),
                Columns.instant(rs, "updated_at"), rs.getString("task"), rs.getString("library"), files, validation(rs));
    }

    private static AcquisitionValidation validation(ResultSet rs) throws SQLException {
        String validationId = rs.getString("validation_id");
        if (validationId == null) {
            return null;
        }
        boolean passed = rs.getBoolean("validation_passed");
        Boolean result = rs.wasNull() ? null : passed;
        return new AcquisitionValidation(validationId, result, Columns.nullableInt(rs, "validation_wins"),
                Columns.nullableInt(rs, "validation_losses"), Columns.nullableInt(rs, "validation_ties"),
                Columns.texts(rs, "validation_reasons"), Columns.instant(rs, "validation_requested_at"),
                Columns.instant(rs, "validated_at"));
    }
}
