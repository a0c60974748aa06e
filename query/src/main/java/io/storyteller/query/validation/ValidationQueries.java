package io.storyteller.query.validation;

import com.fasterxml.jackson.core.type.TypeReference;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.AccessPolicy;
import io.storyteller.domain.validation.DefaultSuites;
import io.storyteller.domain.validation.EvaluationSuiteView;
import io.storyteller.domain.validation.FindEvaluationSuites;
import io.storyteller.domain.validation.FindModelValidations;
import io.storyteller.domain.validation.ModelValidationView;
import io.storyteller.domain.validation.SuiteDataset;
import io.storyteller.domain.validation.SuiteMetric;
import io.storyteller.domain.validation.ValidationExample;
import io.storyteller.domain.validation.ValidationGate;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.JsonColumns;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Answers the evaluation suites and the validations recorded on models. Only platform admins (and
 * the platform) read them; to everyone else both answer as if empty.
 */
@Component
public class ValidationQueries {

    private static final TypeReference<List<SuiteMetric>> METRICS = new TypeReference<>() { };
    private static final TypeReference<List<ValidationGate>> GATES = new TypeReference<>() { };
    private static final TypeReference<List<ValidationExample>> EXAMPLES = new TypeReference<>() { };
    private static final TypeReference<List<String>> REASONS = new TypeReference<>() { };

    private final JdbcClient jdbc;

    public ValidationQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The defined suites and every default no defined suite replaces, by name. */
    @QueryHandler
    public List<EvaluationSuiteView> handle(FindEvaluationSuites query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer())) {
            return List.of();
        }
        List<EvaluationSuiteView> suites = new ArrayList<>(jdbc.sql("""
                SELECT name, use_case, dataset, metrics, tie_margin FROM evaluation_suites
                WHERE CAST(:useCase AS text) IS NULL OR use_case = :useCase""")
                .param("useCase", query.useCase() == null ? null : query.useCase().name())
                .query(ValidationQueries::suite).list());
        Set<String> defined = suites.stream().map(EvaluationSuiteView::name).collect(Collectors.toSet());
        DefaultSuites.all().stream()
                .filter(suite -> query.useCase() == null || suite.useCase() == query.useCase())
                .filter(suite -> !defined.contains(suite.name()))
                .forEach(suites::add);
        suites.sort(Comparator.comparing(EvaluationSuiteView::name));
        return suites;
    }

    /** A model's validations (of one version when given), newest first. */
    @QueryHandler
    public List<ModelValidationView> handle(FindModelValidations query) {
        if (!AccessPolicy.hasPlatformAuthority(query.viewer()) || query.modelId() == null) {
            return List.of();
        }
        return jdbc.sql("""
                SELECT * FROM model_validations
                WHERE model_id = :modelId AND (CAST(:version AS text) IS NULL OR version = :version)
                ORDER BY validated_at DESC, event_seq DESC""")
                .param("modelId", query.modelId())
                .param("version", query.version() == null || query.version().isBlank() ? null : query.version())
                .query(ValidationQueries::validation).list();
    }

    private static EvaluationSuiteView suite(ResultSet rs, int row) throws SQLException {
        return new EvaluationSuiteView(rs.getString("name"), UseCase.valueOf(rs.getString("use_case")),
                JsonColumns.read(rs.getString("dataset"), SuiteDataset.class),
                JsonColumns.read(rs.getString("metrics"), METRICS), rs.getDouble("tie_margin"), false);
    }

    private static ModelValidationView validation(ResultSet rs, int row) throws SQLException {
        String incumbentId = rs.getString("incumbent_model_id");
        return new ModelValidationView(rs.getString("validation_id"),
                new ModelRef(rs.getString("model_id"), rs.getString("version")), rs.getString("suite"),
                incumbentId == null ? null : new ModelRef(incumbentId, rs.getString("incumbent_version")),
                rs.getBoolean("passed"), JsonColumns.read(rs.getString("gates"), GATES), rs.getInt("wins"),
                rs.getInt("losses"), rs.getInt("ties"), JsonColumns.read(rs.getString("examples"), EXAMPLES),
                JsonColumns.read(rs.getString("reasons"), REASONS), rs.getString("validated_by"),
                Columns.instant(rs, "validated_at"),
                rs.getString("dataset") == null ? null : JsonColumns.read(rs.getString("dataset"), SuiteDataset.class));
    }
}
