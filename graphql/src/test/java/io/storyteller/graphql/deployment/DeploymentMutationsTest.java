package io.storyteller.graphql.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.deployment.AbortRollout;
import io.storyteller.domain.deployment.CreateDeployment;
import io.storyteller.domain.deployment.PauseRollout;
import io.storyteller.domain.deployment.PromoteRollout;
import io.storyteller.domain.deployment.ReplaceStableModel;
import io.storyteller.domain.deployment.ResumeRollout;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.ShadowPhase;
import io.storyteller.domain.deployment.StartRollout;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.graphql.ApiTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Each deployment mutation sends exactly the command it names, carrying the caller. */
class DeploymentMutationsTest extends ApiTest {

    private static final ModelRef V1 = new ModelRef("house:w1", "1");
    private static final ModelRef V2 = new ModelRef("house:w1", "2");
    private static final String START = """
            mutation($strategy: RolloutStrategyInput!) {
              startRollout(deploymentId: "narrator:world:w1", candidate: {modelId: "house:w1", version: "2"},
                           strategy: $strategy, reason: "new house model") { deploymentId rolloutId } }""";

    @Test
    void createDeployment_sends_CreateDeployment_for_the_slot_key() {
        JsonNode data = asManager("""
                mutation { world: createDeployment(useCase: NARRATOR, worldId: "w1", stable: {modelId: "house:w1", version: "1"}) { deploymentId }
                           global: createDeployment(useCase: NARRATOR, stable: {modelId: "house:w1", version: "1"}) { deploymentId } }""")
                .get("data");

        assertThat(data.at("/world/deploymentId").asText()).isEqualTo("narrator:world:w1");
        assertThat(data.at("/global/deploymentId").asText()).isEqualTo("narrator:global");
        assertThat(commands.sent()).containsExactlyInAnyOrder(
                new CreateDeployment("narrator:world:w1", UseCase.NARRATOR, "w1", V1, MANAGER),
                new CreateDeployment("narrator:global", UseCase.NARRATOR, null, V1, MANAGER));
    }

    @Test
    void replaceStableModel_sends_ReplaceStableModel() {
        asManager("""
                mutation { replaceStableModel(deploymentId: "narrator:global", stable: {modelId: "house:w1", version: "2"},
                  reason: "hotfix") { deploymentId } }""");

        assertThat(commands.onlyCommand()).isEqualTo(new ReplaceStableModel("narrator:global", V2, "hotfix", MANAGER));
    }

    @Test
    void startRollout_sends_StartRollout_with_the_strategy_and_a_new_rollout_id() {
        Map<String, Object> strategy = Map.of(
                "shadow", Map.of("duration", "PT2H", "mirroredRequests", 200),
                "canarySteps", List.of(5, 25, 50, 100), "analysisInterval", "PT30S", "minSamples", 100,
                "gates", Map.of("maxErrorRate", 0.05, "maxLatencyP95Millis", 2000, "minRating", 3.5,
                        "maxCostPerBeat", "0.0125", "tolerance", 0.1));

        JsonNode data = asManager(START, Map.of("strategy", strategy)).get("data");

        String rolloutId = data.at("/startRollout/rolloutId").asText();
        assertThat(rolloutId).hasSize(36);
        assertThat(commands.onlyCommand()).isEqualTo(new StartRollout("narrator:world:w1", rolloutId, V2,
                new RolloutStrategy(new ShadowPhase(Duration.ofHours(2), 200), List.of(5, 25, 50, 100), Duration.ofSeconds(30),
                        100, new RolloutGates(0.05, 2000L, null, null, 3.5, new BigDecimal("0.0125"), 0.1)),
                "new house model", MANAGER));
    }

    @Test
    void a_strategy_without_shadow_or_gates_starts_at_its_first_canary_step_ungated() {
        asManager(START, Map.of("strategy", Map.of("canarySteps", List.of(50, 100), "analysisInterval", "PT10M",
                "minSamples", 20)));

        assertThat(((StartRollout) commands.onlyCommand()).strategy())
                .isEqualTo(new RolloutStrategy(null, List.of(50, 100), Duration.ofMinutes(10), 20, RolloutGates.none()));
    }

    @Test
    void a_duration_that_is_not_iso_8601_is_a_bad_request_naming_the_field_and_rule() {
        JsonNode interval = asManager(START, Map.of("strategy", Map.of("canarySteps", List.of(100),
                "analysisInterval", "30s", "minSamples", 20))).at("/errors/0");
        JsonNode shadow = asManager(START, Map.of("strategy", Map.of("canarySteps", List.of(100), "shadow",
                Map.of("duration", "two hours"), "analysisInterval", "PT30S", "minSamples", 20))).at("/errors/0");

        assertThat(interval.at("/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(interval.at("/extensions/field").asText()).isEqualTo("strategy.analysisInterval");
        assertThat(interval.at("/extensions/rule").asText()).isEqualTo("iso-8601-duration");
        assertThat(shadow.at("/extensions/field").asText()).isEqualTo("strategy.shadow.duration");
        assertThat(commands.sent()).isEmpty();
    }

    @Test
    void the_aggregates_rule_violations_reach_the_client_with_field_and_rule() {
        commands.answerWith(command -> {
            try {
                ((StartRollout) command).strategy().validated("strategy");
                return CompletableFuture.completedFuture(null);
            } catch (DomainRejection rejected) {
                return CompletableFuture.failedFuture(rejected);
            }
        });

        JsonNode error = asManager(START, Map.of("strategy", Map.of("canarySteps", List.of(50, 25),
                "analysisInterval", "PT30S", "minSamples", 20))).at("/errors/0");

        assertThat(error.at("/extensions/classification").asText()).isEqualTo("BAD_REQUEST");
        assertThat(error.at("/extensions/field").asText()).isEqualTo("strategy.canarySteps[1]");
        assertThat(error.at("/extensions/rule").asText()).isEqualTo("increasing");
    }

    @Test
    void pause_resume_promote_and_abort_send_their_commands() {
        asManager("""
                mutation { pause: pauseRollout(deploymentId: "d", rolloutId: "r1", reason: "look") { rolloutId }
                           resume: resumeRollout(deploymentId: "d", rolloutId: "r1") { rolloutId }
                           promote: promoteRollout(deploymentId: "d", rolloutId: "r1", reason: "good") { rolloutId }
                           abort: abortRollout(deploymentId: "d", rolloutId: "r1", reason: "bad") { deploymentId rolloutId } }""");

        assertThat(commands.sent()).containsExactly(new PauseRollout("d", "r1", "look", MANAGER),
                new ResumeRollout("d", "r1", MANAGER), new PromoteRollout("d", "r1", "good", MANAGER),
                new AbortRollout("d", "r1", "bad", MANAGER));
    }
}
