package io.storyteller.query.model;

import io.storyteller.domain.model.FindModelLineage;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.LineageStep;
import io.storyteller.domain.model.ModelEvaluationView;
import io.storyteller.domain.model.ModelLineage;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.TrainingLineage;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.JsonColumns;
import io.storyteller.projections.schema.ModelRows;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers registry queries. Only those who may manage models read them ({@link AccessPolicy#managesModels});
 * to everyone else the registry answers as if it were empty.
 */
@Component
public class ModelQueries {

    /** How far a lineage is followed: far beyond any real chain, and a stop should one ever loop. */
    static final int MAX_LINEAGE_DEPTH = 64;

    /**
     * From the version asked about back to its root: each step follows the version's
     * {@code derivedFrom}, or for a variant's version without one, the variant's base.
     */
    private static final String LINEAGE = """
            WITH RECURSIVE chain (model_id, version, depth) AS (
                SELECT CAST(:modelId AS text), CAST(:version AS text), 0
                UNION ALL
                SELECT coalesce(v.derived_from_model_id, m.variant_base_model_id),
                       coalesce(v.derived_from_version, m.variant_base_version), c.depth + 1
                FROM chain c
                JOIN models m ON m.model_id = c.model_id
                LEFT JOIN model_versions v ON v.model_id = c.model_id AND v.version = c.version
                WHERE coalesce(v.derived_from_model_id, m.variant_base_model_id) IS NOT NULL
                  AND c.depth < :maxDepth)
            SELECT c.model_id, c.version, m.source, v.training
            FROM chain c LEFT JOIN models m ON m.model_id = c.model_id
            LEFT JOIN model_versions v ON v.model_id = c.model_id AND v.version = c.version
            ORDER BY c.depth""";

    private final JdbcClient jdbc;

    public ModelQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The models matching every criterion given, by id, each with its versions oldest first. */
    @QueryHandler
    public List<ModelView> handle(FindModels query) {
        if (!AccessPolicy.managesModels(query.viewer())) {
            return List.of();
        }
        List<String> conditions = new ArrayList<>(List.of("true"));
        Map<String, Object> params = new HashMap<>();
        if (query.provider() != null && !query.provider().isBlank()) {
            conditions.add("m.provider = :provider");
            params.put("provider", query.provider());
        }
        if (query.kind() != null) {
            conditions.add("m.kind = :kind");
            params.put("kind", query.kind().name());
        }
        if (query.status() != null) {
            conditions.add("m.status = :status");
            params.put("status", query.status().name());
        }
        return models(String.join(" AND ", conditions), params);
    }

    /** The version's ancestry; empty when the model is missing or not visible. A null version is the latest. */
    @QueryHandler
    public Optional<ModelLineage> handle(FindModelLineage query) {
        if (!AccessPolicy.managesModels(query.viewer()) || query.modelId() == null || !exists(query.modelId())) {
            return Optional.empty();
        }
        String version = query.version() != null ? query.version() : latestVersion(query.modelId()).orElse(null);
        if (version == null) {
            return Optional.of(new ModelLineage(query.modelId(), List.of()));
        }
        List<LineageStep> chain = jdbc.sql(LINEAGE)
                .param("modelId", query.modelId())
                .param("version", version)
                .param("maxDepth", MAX_LINEAGE_DEPTH)
                .query((rs, row) -> new LineageStep(new ModelRef(rs.getString("model_id"), rs.getString("version")),
                        rs.getString("source") == null ? null : ModelSource.valueOf(rs.getString("source")),
                        JsonColumns.read(rs.getString("training"), TrainingLineage.class)))
                .list();
        return Optional.of(new ModelLineage(query.modelId(), List.copyOf(chain)));
    }

    private boolean exists(String modelId) {
        return jdbc.sql("SELECT count(*) FROM models WHERE model_id = :modelId")
                .param("modelId", modelId).query(Long.class).single() > 0;
    }

    private Optional<String> latestVersion(String modelId) {
        return jdbc.sql("SELECT version FROM model_versions WHERE model_id = :modelId ORDER BY event_seq DESC LIMIT 1")
                .param("modelId", modelId)
                .query(String.class)
                .optional();
    }

    /** The models matching {@code condition} (fixed SQL from this class), with versions and evaluations. */
    private List<ModelView> models(String condition, Map<String, Object> params) {
        List<ModelView> bare = jdbc.sql(ModelRows.SELECT + " WHERE " + condition + " ORDER BY m.model_id")
                .params(params)
                .query((rs, row) -> ModelRows.view(rs, List.of()))
                .list();
        if (bare.isEmpty()) {
            return List.of();
        }
        String[] ids = Columns.textArray(bare.stream().map(ModelView::modelId).toList());
        Map<String, Map<String, List<ModelEvaluationView>>> evaluations = evaluations(ids);
        Map<String, List<ModelVersionView>> versions = new HashMap<>();
        jdbc.sql(ModelRows.SELECT_VERSIONS + " WHERE v.model_id = ANY(:ids) ORDER BY v.model_id, v.event_seq")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    String modelId = rs.getString("model_id");
                    List<ModelEvaluationView> ofVersion = evaluations.getOrDefault(modelId, Map.of())
                            .getOrDefault(rs.getString("version"), List.of());
                    versions.computeIfAbsent(modelId, id -> new ArrayList<>())
                            .add(ModelRows.version(rs, List.copyOf(ofVersion)));
                });
        return bare.stream()
                .map(m -> new ModelView(m.modelId(), m.spec(), m.source(), m.discoveredBy(), m.status(), m.variant(),
                        List.copyOf(versions.getOrDefault(m.modelId(), List.of())), m.registeredBy(),
                        m.retiredReason(), m.registeredAt(), m.updatedAt()))
                .toList();
    }

    /** Evaluations by model and version, oldest first. */
    private Map<String, Map<String, List<ModelEvaluationView>>> evaluations(String[] ids) {
        Map<String, Map<String, List<ModelEvaluationView>>> byModel = new HashMap<>();
        jdbc.sql(ModelRows.SELECT_EVALUATIONS + " WHERE e.model_id = ANY(:ids) ORDER BY e.event_seq")
                .param("ids", ids)
                .query((ResultSet rs) -> {
                    byModel.computeIfAbsent(rs.getString("model_id"), id -> new HashMap<>())
                            .computeIfAbsent(rs.getString("version"), v -> new ArrayList<>())
                            .add(ModelRows.evaluation(rs, 0));
                });
        return byModel;
    }
}
