package io.storyteller.projections.model;

import static io.storyteller.projections.support.ModelManagementEvents.GPT;
import static io.storyteller.projections.support.ModelManagementEvents.GPT_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V1;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelEvaluated;
import io.storyteller.domain.model.ModelRetired;
import io.storyteller.domain.model.ModelVariantDerived;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.SamplingParameters;
import io.storyteller.domain.model.TrainingLineage;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.projections.schema.ModelRows;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ModelManagementEvents;
import io.storyteller.projections.support.ReadModelDatabase;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelProjectionTest {

    static final ModelArtifact ARTIFACT = new ModelArtifact("file:///models/house-w1/1.onnx", "a".repeat(64), 35_000);

    static final ReadModelDatabase db = ReadModelDatabase.start();
    EventLog log;
    ModelProjection projection;

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        projection = new ModelProjection(db.jdbc());
    }

    @Test
    void aRegisteredModelHasItsSpecSourceAndDiscovery() {
        log.model(GPT, ModelManagementEvents.gptRegistered());
        log.deliver(projection);

        assertThat(db.row("SELECT * FROM models")).containsEntry("model_id", GPT).containsEntry("provider", "openai")
                .containsEntry("provider_model_id", "gpt-4o-mini").containsEntry("kind", "CHAT")
                .containsEntry("capabilities", List.of("chat", "json")).containsEntry("context_window", 128_000)
                .containsEntry("price_input_per_million", new BigDecimal("0.15"))
                .containsEntry("price_output_per_million", new BigDecimal("0.60"))
                .containsEntry("source", "PAID_API").containsEntry("status", "ACTIVE")
                .containsEntry("discovered_by", "openai-catalogue").containsEntry("variant_name", null)
                .containsEntry("registered_at", at(0));
    }

    @Test
    void versionsEvaluationsAndRetirementAreRecorded() {
        log.model(HOUSE, ModelManagementEvents.houseRegistered(),
                new ModelVersionAdded(HOUSE, "1", ARTIFACT, null, "0..99", "system"),
                new ModelVersionAdded(HOUSE, "2", ARTIFACT, HOUSE_V1, "0..199", "system"),
                new ModelEvaluated(HOUSE, "2", "replay", Map.of("rating", 3.5, "errorRate", 0.01), "system"),
                new ModelEvaluated(HOUSE, "2", "replay", Map.of("rating", 3.7), "system"),
                new ModelRetired(HOUSE, "superseded", "mia"));
        log.deliver(projection);

        assertThat(db.row("SELECT status, retired_reason, updated_at FROM models"))
                .containsEntry("status", "RETIRED").containsEntry("retired_reason", "superseded")
                .containsEntry("updated_at", at(5));
        assertThat(db.row("SELECT * FROM model_versions WHERE version = '2'"))
                .containsEntry("artifact_uri", ARTIFACT.uri()).containsEntry("artifact_size_bytes", 35_000L)
                .containsEntry("derived_from_model_id", HOUSE).containsEntry("derived_from_version", "1")
                .containsEntry("training_data_range", "0..199").containsEntry("added_at", at(2));
        assertThat(db.rows("SELECT version, metrics FROM model_evaluations ORDER BY event_seq")).containsExactly(
                Map.of("version", "2", "metrics", "{\"rating\": 3.5, \"errorRate\": 0.01}"),
                Map.of("version", "2", "metrics", "{\"rating\": 3.7}"));
    }

    @Test
    void aFineTunedVersionKeepsItsTrainingLineageAndOthersHaveNone() {
        TrainingLineage lineage = new TrainingLineage("ft-1", HOUSE_V1, "house", "export-1", "d".repeat(64),
                Map.of("detector.train.jsonl", 1200L), Map.of("epochs", "3"), Map.of("auroc", 0.93), null);
        log.model(HOUSE, ModelManagementEvents.houseRegistered(),
                new ModelVersionAdded(HOUSE, "1", ARTIFACT, null, null, "system"),
                new ModelVersionAdded(HOUSE, "2", ARTIFACT, HOUSE_V1, null, "system", lineage));
        log.deliver(projection);

        var versions = db.jdbc().sql(ModelRows.SELECT_VERSIONS + " ORDER BY v.event_seq")
                .query((rs, row) -> ModelRows.version(rs, List.of())).list();
        assertThat(versions).extracting(ModelVersionView::training).containsExactly(null, lineage);
    }

    @Test
    void aVariantKeepsItsBaseSystemPromptAndSampling() {
        log.model(GPT, ModelManagementEvents.gptRegistered(),
                new ModelVersionAdded(GPT, GPT_V1.version(), null, null, null, "system"));
        log.model("narrator-noir", new ModelVariantDerived("narrator-noir", "narrator-noir",
                        ModelManagementEvents.gptRegistered().spec(), GPT_V1, UseCase.NARRATOR, "Speak in noir.",
                        new SamplingParameters(0.9, null, 300), "mia"),
                new ModelVersionAdded("narrator-noir", "1", null, GPT_V1, null, "mia"));
        log.deliver(projection);

        Map<String, Object> variant = db.row("SELECT * FROM models WHERE model_id = 'narrator-noir'");
        assertThat(variant).containsEntry("source", "VARIANT").containsEntry("variant_name", "narrator-noir")
                .containsEntry("variant_base_model_id", GPT).containsEntry("variant_base_version", GPT_V1.version())
                .containsEntry("variant_use_case", "NARRATOR").containsEntry("variant_system_prompt", "Speak in noir.")
                .containsEntry("variant_temperature", 0.9).containsEntry("variant_top_p", null)
                .containsEntry("variant_max_tokens", 300)
                .containsEntry("price_output_per_million", new BigDecimal("0.60"));
    }

    @Test
    void redeliveryAndReplayRebuildTheSameRows() {
        log.model(HOUSE, ModelManagementEvents.houseRegistered(),
                new ModelVersionAdded(HOUSE, "1", ARTIFACT, null, "0..99", "system"),
                new ModelEvaluated(HOUSE, "1", "replay", Map.of("rating", 3.5), "system"));
        log.model(GPT, ModelManagementEvents.gptRegistered(),
                new ModelVersionAdded(GPT, GPT_V1.version(), null, null, null, "system"),
                new ModelRetired(GPT, "too dear", "mia"));
        log.deliver(projection);
        var live = db.snapshot();

        log.redeliverAll(projection);
        assertThat(db.snapshot()).isEqualTo(live);
        log.replay(projection);
        assertThat(db.snapshot()).isEqualTo(live);
        assertThat(live.get("model_evaluations")).hasSize(1);
        assertThat(live.get("model_versions")).hasSize(2);
    }

    private static Timestamp at(int index) {
        return Timestamp.from(EventLog.timeOf(index));
    }
}
