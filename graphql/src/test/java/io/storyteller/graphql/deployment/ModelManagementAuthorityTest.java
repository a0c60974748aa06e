package io.storyteller.graphql.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.model.ModelAuthority;
import io.storyteller.domain.shared.Actor;
import io.storyteller.graphql.ApiTest;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every model and deployment mutation carries the caller to the aggregate, which lets platform
 * admins and the model manager through and refuses everyone else; the refusal reaches the client
 * as FORBIDDEN. The command gateway double decides as the aggregates do.
 */
class ModelManagementAuthorityTest extends ApiTest {

    private static final String REF = "{modelId: \"house:w1\", version: \"2\"}";

    @BeforeEach
    void decideLikeTheAggregates() {
        commands.answerWith(command -> {
            try {
                ModelAuthority.require(actorOf(command));
                return CompletableFuture.completedFuture(null);
            } catch (RuntimeException refused) {
                return CompletableFuture.failedFuture(refused);
            }
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "registerModel(input: {provider: \"openai\", providerModelId: \"gpt-4o\", kind: CHAT, contextWindow: 1, license: \"x\", source: PAID_API, price: {inputPerMillion: 1, outputPerMillion: 2}}) { modelId }",
            "addModelVersion(modelId: \"house:w1\", input: {version: \"3\"}) { version }",
            "recordModelEvaluation(modelId: \"house:w1\", version: \"2\", suite: \"s\", metrics: [{name: \"rating\", value: 4}]) { version }",
            "deriveModelVariant(input: {name: \"narrator-noir\", base: " + REF + ", useCase: NARRATOR}) { modelId }",
            "retireModel(modelId: \"house:w1\", reason: \"old\") { modelId }",
            "createDeployment(useCase: NARRATOR, stable: " + REF + ") { deploymentId }",
            "replaceStableModel(deploymentId: \"narrator:global\", stable: " + REF + ", reason: \"r\") { deploymentId }",
            "startRollout(deploymentId: \"narrator:global\", candidate: " + REF + ", strategy: {canarySteps: [100], analysisInterval: \"PT1M\", minSamples: 1}, reason: \"r\") { rolloutId }",
            "pauseRollout(deploymentId: \"narrator:global\", rolloutId: \"r1\") { rolloutId }",
            "resumeRollout(deploymentId: \"narrator:global\", rolloutId: \"r1\") { rolloutId }",
            "promoteRollout(deploymentId: \"narrator:global\", rolloutId: \"r1\", reason: \"r\") { rolloutId }",
            "abortRollout(deploymentId: \"narrator:global\", rolloutId: \"r1\", reason: \"r\") { rolloutId }"})
    void a_player_is_forbidden_and_the_meta_manager_is_let_through(String mutation) {
        JsonNode asPlayer = graphQl("mutation { " + mutation + " }");
        JsonNode asManager = asManager("mutation { " + mutation + " }");

        assertThat(asPlayer.at("/errors/0/extensions/classification").asText()).isEqualTo("FORBIDDEN");
        assertThat(asPlayer.at("/errors/0/extensions/field").asText()).isEqualTo("actor");
        assertThat(asManager.has("errors")).as(asManager.toString()).isFalse();
        assertThat(commands.sent()).extracting(ModelManagementAuthorityTest::actorOf).containsExactly(ALICE, MANAGER);
    }

    /** Every model and deployment command names its caller {@code actor}. */
    private static Actor actorOf(Object command) {
        try {
            return (Actor) command.getClass().getMethod("actor").invoke(command);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(command + " carries no actor", e);
        }
    }
}
