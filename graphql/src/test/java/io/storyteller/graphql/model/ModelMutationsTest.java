package io.storyteller.graphql.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.model.AddModelVersion;
import io.storyteller.domain.model.DeriveModelVariant;
import io.storyteller.domain.model.ModelArtifact;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.RecordModelEvaluation;
import io.storyteller.domain.model.RegisterModel;
import io.storyteller.domain.model.RetireModel;
import io.storyteller.domain.model.SamplingParameters;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.graphql.ApiTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Each model mutation sends exactly the command it names, carrying the caller; the Model aggregate
 * decides who may (see ModelManagementAuthorityTest).
 */
class ModelMutationsTest extends ApiTest {

    private static final String REGISTER = """
            mutation($input: RegisterModelInput!) { registerModel(input: $input) { modelId } }""";
    private static final Map<String, Object> GPT = Map.of(
            "provider", "openai", "providerModelId", "gpt-4o-mini", "kind", "CHAT", "capabilities", List.of("chat", "tools"),
            "contextWindow", 128000, "price", Map.of("inputPerMillion", "0.15", "outputPerMillion", 0.6),
            "license", "proprietary", "source", "PAID_API");

    @Test
    void registerModel_sends_RegisterModel_named_provider_colon_model_id() {
        JsonNode data = asManager(REGISTER, Map.of("input", GPT)).get("data");

        assertThat(data.at("/registerModel/modelId").asText()).isEqualTo("openai:gpt-4o-mini");
        assertThat(commands.onlyCommand()).isEqualTo(new RegisterModel("openai:gpt-4o-mini",
                new ModelSpec("openai", "gpt-4o-mini", ModelKind.CHAT, List.of("chat", "tools"), 128_000,
                        new TokenPrice(new BigDecimal("0.15"), new BigDecimal("0.6"), "USD"), "proprietary"),
                ModelSource.PAID_API, null, MANAGER));
    }

    @Test
    void addModelVersion_sends_AddModelVersion_with_artifact_and_lineage() {
        JsonNode data = asManager("""
                mutation { addModelVersion(modelId: "house:w1", input: {
                  version: "2", trainingDataRange: "0..5000", derivedFrom: {modelId: "house:w1", version: "1"},
                  artifact: {uri: "file:models/w1/2.onnx", sha256: "%s", sizeBytes: 35000}
                }) { modelId version } }""".formatted("a".repeat(64))).get("data");

        assertThat(data.at("/addModelVersion/version").asText()).isEqualTo("2");
        assertThat(commands.onlyCommand()).isEqualTo(new AddModelVersion("house:w1", "2",
                new ModelArtifact("file:models/w1/2.onnx", "a".repeat(64), 35_000), new ModelRef("house:w1", "1"), "0..5000",
                MANAGER));
    }

    @Test
    void recordModelEvaluation_sends_the_metrics_by_name() {
        asManager("""
                mutation { recordModelEvaluation(modelId: "openai:gpt-4o-mini", version: "2024-07-18", suite: "narration-v1",
                  metrics: [{name: "rating", value: 4.25}, {name: "errorRate", value: 0.01}]) { modelId version } }""");

        assertThat(commands.onlyCommand()).isEqualTo(new RecordModelEvaluation("openai:gpt-4o-mini", "2024-07-18",
                "narration-v1", Map.of("rating", 4.25, "errorRate", 0.01), MANAGER));
    }

    @Test
    void a_metric_named_twice_is_a_bad_request_naming_the_field_and_rule() {
        JsonNode error = asManager("""
                mutation { recordModelEvaluation(modelId: "m:x", version: "1", suite: "s",
                  metrics: [{name: "rating", value: 4}, {name: "rating", value: 3}]) { modelId } }""").at("/errors/0");

        assertThat(error.at("/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/field").asText()).isEqualTo("metrics[1].name");
        assertThat(error.at("/extensions/rule").asText()).isEqualTo("unique");
        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void deriveModelVariant_sends_DeriveModelVariant_named_variant_colon_name() {
        commands.answerWith(command -> CompletableFuture.completedFuture("variant:narrator-noir"));

        JsonNode data = asManager("""
                mutation { deriveModelVariant(input: {name: "narrator-noir", base: {modelId: "ollama:llama3.1", version: "8b"},
                  useCase: NARRATOR, systemPrompt: "Rain. Neon. Regret.", sampling: {temperature: 0.9, maxTokens: 400}
                }) { modelId version } }""").get("data");

        assertThat(data.at("/deriveModelVariant/modelId").asText()).isEqualTo("variant:narrator-noir");
        assertThat(data.at("/deriveModelVariant/version").asText()).isEqualTo("1");
        assertThat(commands.onlyCommand()).isEqualTo(new DeriveModelVariant("variant:narrator-noir", "narrator-noir",
                new ModelRef("ollama:llama3.1", "8b"), UseCase.NARRATOR, "Rain. Neon. Regret.",
                new SamplingParameters(0.9, null, 400), MANAGER));
    }

    @Test
    void retireModel_sends_RetireModel() {
        asManager("mutation { retireModel(modelId: \"openai:gpt-3.5\", reason: \"superseded\") { modelId } }");

        assertThat(commands.onlyCommand()).isEqualTo(new RetireModel("openai:gpt-3.5", "superseded", MANAGER));
    }
}
