package io.storyteller.domain.model;

import static io.storyteller.domain.model.ModelExamples.ADMIN;
import static io.storyteller.domain.model.ModelExamples.CLAUDE;
import static io.storyteller.domain.model.ModelExamples.MANAGER;
import static io.storyteller.domain.model.ModelExamples.PLAYER;
import static io.storyteller.domain.model.ModelExamples.WORLD_ADMIN;
import static io.storyteller.domain.model.ModelExamples.claude;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.Rejected;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EvaluatingAModelTest {

    private static final Map<String, Double> METRICS = Map.of("lore-consistency", 0.91, "rating", 4.2);

    private FixtureConfiguration<Model> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Model.class);
    }

    @Test
    void thePlatformRecordsAnEvaluationOfAVersion() {
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "replay-ashfall", METRICS, Actor.system()))
                .expectEvents(new ModelEvaluated(CLAUDE, "2025-09", "replay-ashfall", METRICS, "system"));
    }

    @Test
    void theModelManagerRecordsEvaluationsAndMetricNamesAreTrimmed() {
        var untidy = new LinkedHashMap<String, Double>();
        untidy.put(" rating ", 4.2);
        untidy.put("lore-consistency", 0.91);
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", " replay-ashfall ", untidy, MANAGER))
                .expectEvents(new ModelEvaluated(CLAUDE, "2025-09", "replay-ashfall", METRICS, MANAGER.userId()));
    }

    @Test
    void anEvaluationIsOfAKnownVersion() {
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2024-01", "replay-ashfall", METRICS, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.notFound("version"));
    }

    @Test
    void anEvaluationNamesItsVersion() {
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, null, "replay-ashfall", METRICS, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("version", "required"));
    }

    @Test
    void anEvaluationNamesItsSuite() {
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", " ", METRICS, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("suite", "required"));
    }

    @Test
    void aSuiteNameHoldsAtMost100Characters() {
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "s".repeat(101), METRICS, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("suite", "max-length:100"));
    }

    @Test
    void anEvaluationRecordsAtLeastOneMetric() {
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "replay-ashfall", Map.of(), ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("metrics", "required"));
    }

    @Test
    void anEvaluationRecordsAtMost50Metrics() {
        Map<String, Double> many = IntStream.rangeClosed(1, 51).boxed()
                .collect(Collectors.toMap(i -> "m" + i, i -> 1.0));
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "replay-ashfall", many, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("metrics", "max-count:50"));
    }

    @Test
    void eachMetricIsNamed() {
        var unnamed = new HashMap<String, Double>();
        unnamed.put(" ", 1.0);
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "replay-ashfall", unnamed, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("metrics", "required"));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void eachMetricIsAFiniteNumber(double value) {
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "replay-ashfall", Map.of("rating", value), ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("metrics.rating", "finite"));
    }

    @Test
    void aMetricWithoutAValueIsRejected() {
        var missing = new HashMap<String, Double>();
        missing.put("rating", null);
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "replay-ashfall", missing, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.invalid("metrics.rating", "finite"));
    }

    @Test
    void aPlayerMayNotRecordEvaluations() {
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "replay-ashfall", METRICS, PLAYER))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aWorldAdminMayNotRecordEvaluations() {
        fixture.given(claude())
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "replay-ashfall", METRICS, WORLD_ADMIN))
                .expectNoEvents()
                .expectException(Rejected.forbidden("role:model-manager"));
    }

    @Test
    void aRetiredModelIsNotEvaluated() {
        fixture.given(claude(new ModelRetired(CLAUDE, "deprecated by provider", ADMIN.userId())))
                .when(new RecordModelEvaluation(CLAUDE, "2025-09", "replay-ashfall", METRICS, ADMIN))
                .expectNoEvents()
                .expectException(Rejected.conflict("modelId", "not-retired"));
    }
}
