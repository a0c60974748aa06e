package io.storyteller.projections.schema;

import com.fasterxml.jackson.core.type.TypeReference;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelEvaluationView;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelVariantView;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.SamplingParameters;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.TrainingLineage;
import io.storyteller.domain.model.UseCase;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The {@code models}, {@code model_versions} and {@code model_evaluations} tables read as
 * {@link ModelView}s: a model row is read without its versions, which are read (with their
 * evaluations) separately and attached.
 */
public final class ModelRows {

    /** Selects models as {@code m}; callers append WHERE/ORDER BY. */
    public static final String SELECT = """
            SELECT m.model_id, m.provider, m.provider_model_id, m.kind, m.capabilities, m.context_window,
                   m.price_input_per_million, m.price_output_per_million, m.price_currency, m.license, m.source,
                   m.status, m.discovered_by, m.registered_by, m.retired_reason, m.variant_name,
                   m.variant_base_model_id, m.variant_base_version, m.variant_use_case, m.variant_system_prompt,
                   m.variant_temperature, m.variant_top_p, m.variant_max_tokens, m.registered_at, m.updated_at
            FROM models m
            """;

    /** Selects versions as {@code v}, oldest first within a model; callers insert a WHERE before the ORDER BY. */
    public static final String SELECT_VERSIONS = """
            SELECT v.model_id, v.version, v.artifact_uri, v.artifact_sha256, v.artifact_size_bytes,
                   v.derived_from_model_id, v.derived_from_version, v.training_data_range, v.added_by, v.added_at,
                   v.training
            FROM model_versions v
            """;

    /** Selects evaluations as {@code e}; callers insert a WHERE and order by {@code e.event_seq}. */
    public static final String SELECT_EVALUATIONS = """
            SELECT e.model_id, e.version, e.suite, e.metrics, e.evaluated_by, e.evaluated_at
            FROM model_evaluations e
            """;

    private static final TypeReference<Map<String, Double>> METRICS = new TypeReference<>() {
    };

    private ModelRows() {
    }

    /** A model row with the given versions. */
    public static ModelView view(ResultSet rs, List<ModelVersionView> versions) throws SQLException {
        return new ModelView(
                rs.getString("model_id"),
                new ModelSpec(rs.getString("provider"), rs.getString("provider_model_id"),
                        ModelKind.valueOf(rs.getString("kind")), Columns.texts(rs, "capabilities"),
                        rs.getInt("context_window"),
                        new TokenPrice(rs.getBigDecimal("price_input_per_million"),
                                rs.getBigDecimal("price_output_per_million"), rs.getString("price_currency")),
                        rs.getString("license")),
                ModelSource.valueOf(rs.getString("source")),
                rs.getString("discovered_by"),
                ModelStatus.valueOf(rs.getString("status")),
                variant(rs),
                versions,
                rs.getString("registered_by"),
                rs.getString("retired_reason"),
                Columns.instant(rs, "registered_at"),
                Columns.instant(rs, "updated_at"));
    }

    /** A version row with the given evaluations. */
    public static ModelVersionView version(ResultSet rs, List<ModelEvaluationView> evaluations) throws SQLException {
        String uri = rs.getString("artifact_uri");
        String originId = rs.getString("derived_from_model_id");
        return new ModelVersionView(
                rs.getString("version"),
                uri == null ? null : new ModelArtifact(uri, rs.getString("artifact_sha256"),
                        rs.getLong("artifact_size_bytes")),
                originId == null ? null : new ModelRef(originId, rs.getString("derived_from_version")),
                rs.getString("training_data_range"),
                evaluations,
                rs.getString("added_by"),
                Columns.instant(rs, "added_at"),
                JsonColumns.read(rs.getString("training"), TrainingLineage.class));
    }

    public static ModelEvaluationView evaluation(ResultSet rs, int rowNum) throws SQLException {
        return new ModelEvaluationView(
                rs.getString("suite"),
                JsonColumns.read(rs.getString("metrics"), METRICS),
                rs.getString("evaluated_by"),
                Columns.instant(rs, "evaluated_at"));
    }

    private static ModelVariantView variant(ResultSet rs) throws SQLException {
        String name = rs.getString("variant_name");
        if (name == null) {
            return null;
        }
        Double temperature = nullableDouble(rs, "variant_temperature");
        Double topP = nullableDouble(rs, "variant_top_p");
        Integer maxTokens = Columns.nullableInt(rs, "variant_max_tokens");
        SamplingParameters sampling = temperature == null && topP == null && maxTokens == null
                ? null : new SamplingParameters(temperature, topP, maxTokens);
        return new ModelVariantView(name,
                new ModelRef(rs.getString("variant_base_model_id"), rs.getString("variant_base_version")),
                UseCase.valueOf(rs.getString("variant_use_case")),
                rs.getString("variant_system_prompt"),
                sampling);
    }

    private static Double nullableDouble(ResultSet rs, String column) throws SQLException {
        double value = rs.getDouble(column);
        return rs.wasNull() ? null : value;
    }
}
