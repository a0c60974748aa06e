package io.storyteller.projections.model;

import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelEvaluated;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelRetired;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelVariantDerived;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.SamplingParameters;
import io.storyteller.projections.schema.Columns;
import io.storyteller.projections.schema.JsonColumns;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the registry: {@code models}, {@code model_versions} and {@code model_evaluations}.
 * Inserts are keyed (a model, a version, an evaluation's event sequence number), so an event
 * delivered twice leaves the same rows.
 */
@Component
@ProcessingGroup(ModelProjection.GROUP)
@AllowReplay
public class ModelProjection {

    /** The processing group of every Model event handler. */
    public static final String GROUP = "models";

    private final JdbcClient jdbc;

    public ModelProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ModelRegistered event, @Timestamp Instant at) {
        insert(event.modelId(), event.spec(), event.source(), event.discoveredBy(), event.registeredBy(), noVariant(),
                at);
    }

    @EventHandler
    void on(ModelVariantDerived event, @Timestamp Instant at) {
        SamplingParameters sampling = event.sampling();
        Map<String, Object> variant = noVariant();
        variant.put("variantName", event.name());
        variant.put("baseModelId", event.base().modelId());
        variant.put("baseVersion", event.base().version());
        variant.put("useCase", event.useCase().name());
        variant.put("systemPrompt", event.systemPrompt() == null ? "" : event.systemPrompt());
        variant.put("temperature", sampling == null ? null : sampling.temperature());
        variant.put("topP", sampling == null ? null : sampling.topP());
        variant.put("maxTokens", sampling == null ? null : sampling.maxTokens());
        insert(event.modelId(), event.spec(), ModelSource.VARIANT, null, event.derivedBy(), variant, at);
    }

    @EventHandler
    void on(ModelVersionAdded event, @SequenceNumber long seq, @Timestamp Instant at) {
        ModelArtifact artifact = event.artifact();
        ModelRef origin = event.derivedFrom();
        Map<String, Object> params = new HashMap<>();
        params.put("modelId", event.modelId());
        params.put("version", event.version());
        params.put("uri", artifact == null ? null : artifact.uri());
        params.put("sha256", artifact == null ? null : artifact.sha256());
        params.put("size", artifact == null ? null : artifact.sizeBytes());
        params.put("originId", origin == null ? null : origin.modelId());
        params.put("originVersion", origin == null ? null : origin.version());
        params.put("range", event.trainingDataRange());
        params.put("addedBy", event.addedBy());
        params.put("training", JsonColumns.write(event.training()));
        params.put("seq", seq);
        params.put("at", Columns.time(at));
        jdbc.sql("""
                INSERT INTO model_versions (model_id, version, artifact_uri, artifact_sha256, artifact_size_bytes,
                                            derived_from_model_id, derived_from_version, training_data_range,
                                            added_by, training, event_seq, added_at)
                VALUES (:modelId, :version, :uri, :sha256, :size, :originId, :originVersion, :range,
                        :addedBy, CAST(:training AS jsonb), :seq, :at)
                ON CONFLICT (model_id, version) DO NOTHING""")
                .params(params)
                .update();
        touch(event.modelId(), at);
    }

    @EventHandler
    void on(ModelEvaluated event, @SequenceNumber long seq, @Timestamp Instant at) {
        jdbc.sql("""
                INSERT INTO model_evaluations (model_id, event_seq, version, suite, metrics, evaluated_by, evaluated_at)
                VALUES (:modelId, :seq, :version, :suite, CAST(:metrics AS jsonb), :evaluatedBy, :at)
                ON CONFLICT (model_id, event_seq) DO NOTHING""")
                .param("modelId", event.modelId())
                .param("seq", seq)
                .param("version", event.version())
                .param("suite", event.suite())
                .param("metrics", JsonColumns.write(event.metrics()))
                .param("evaluatedBy", event.evaluatedBy())
                .param("at", Columns.time(at))
                .update();
        touch(event.modelId(), at);
    }

    @EventHandler
    void on(ModelRetired event, @Timestamp Instant at) {
        jdbc.sql("UPDATE models SET status = :status, retired_reason = :reason, updated_at = :at WHERE model_id = :modelId")
                .param("modelId", event.modelId())
                .param("status", ModelStatus.RETIRED.name())
                .param("reason", event.reason())
                .param("at", Columns.time(at))
                .update();
    }

    /** Before a replay: the replay rebuilds the registry from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE models, model_versions, model_evaluations").update();
    }

    private void insert(String modelId, ModelSpec spec, ModelSource source, String discoveredBy, String registeredBy,
                        Map<String, Object> variant, Instant at) {
        jdbc.sql("""
                INSERT INTO models (model_id, provider, provider_model_id, kind, capabilities, context_window,
                                    price_input_per_million, price_output_per_million, price_currency, license,
                                    source, status, discovered_by, registered_by,
                                    variant_name, variant_base_model_id, variant_base_version, variant_use_case,
                                    variant_system_prompt, variant_temperature, variant_top_p, variant_max_tokens,
                                    registered_at, updated_at)
                VALUES (:modelId, :provider, :providerModelId, :kind, :capabilities, :contextWindow,
                        :inputPrice, :outputPrice, :currency, :license, :source, :status, :discoveredBy, :registeredBy,
                        :variantName, :baseModelId, :baseVersion, :useCase,
                        :systemPrompt, :temperature, :topP, :maxTokens, :at, :at)
                ON CONFLICT (model_id) DO NOTHING""")
                .params(variant)
                .param("modelId", modelId)
                .param("provider", spec.provider())
                .param("providerModelId", spec.providerModelId())
                .param("kind", spec.kind().name())
                .param("capabilities", Columns.textArray(spec.capabilities()))
                .param("contextWindow", spec.contextWindow())
                .param("inputPrice", spec.price().inputPerMillion())
                .param("outputPrice", spec.price().outputPerMillion())
                .param("currency", spec.price().currency())
                .param("license", spec.license())
                .param("source", source.name())
                .param("status", ModelStatus.ACTIVE.name())
                .param("discoveredBy", discoveredBy)
                .param("registeredBy", registeredBy)
                .param("at", Columns.time(at))
                .update();
    }

    /** The variant columns, all null: what a model registered by hand or discovered has. */
    private static Map<String, Object> noVariant() {
        Map<String, Object> columns = new HashMap<>();
        for (String name : new String[] {"variantName", "baseModelId", "baseVersion", "useCase", "systemPrompt",
                "temperature", "topP", "maxTokens"}) {
            columns.put(name, null);
        }
        return columns;
    }

    private void touch(String modelId, Instant at) {
        jdbc.sql("UPDATE models SET updated_at = greatest(updated_at, :at) WHERE model_id = :modelId")
                .param("modelId", modelId)
                .param("at", Columns.time(at))
                .update();
    }
}
