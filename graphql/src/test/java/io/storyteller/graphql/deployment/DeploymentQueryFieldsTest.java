package io.storyteller.graphql.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.ArmMetricsReport;
import io.storyteller.domain.deployment.AuditNarration;
import io.storyteller.domain.deployment.AuditedNarration;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.FindArmMetrics;
import io.storyteller.domain.deployment.FindDeployments;
import io.storyteller.domain.deployment.FindRolloutAnalyses;
import io.storyteller.domain.deployment.NarrationAudit;
import io.storyteller.domain.deployment.RolloutAnalysisView;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RouteDecision;
import io.storyteller.domain.deployment.RouteDecisionKind;
import io.storyteller.domain.deployment.Verdict;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.graphql.ApiTest;
import io.storyteller.graphql.fakes.ModelViews;
import io.storyteller.graphql.fakes.Views;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.junit.jupiter.api.Test;

class DeploymentQueryFieldsTest extends ApiTest {

    @Test
    void deployments_show_the_live_traffic_split_and_rollout_progress() {
        queries.answer(FindDeployments.class, query -> List.of(
                ModelViews.deployment("narrator:global", null, 0, 0),
                ModelViews.deployment("narrator:world:w1", RolloutPhase.SHADOW, 0, 0),
                ModelViews.deployment("narrator:world:w2", RolloutPhase.CANARY, 2, 25)));

        JsonNode deployments = asManager("""
                { deployments(worldId: "w1") { id useCase worldId stable { modelId version }
                    traffic { stableWeight canaryWeight shadowMirrored candidate { version } }
                    rollout { rolloutId phase step lastStep plan weight paused startedAt
                      strategy { analysisInterval minSamples canarySteps shadow { duration mirroredRequests }
                                 gates { maxErrorRate maxLatencyP95Millis minRating maxCostPerBeat tolerance } } } } }""")
                .at("/data/deployments");

        assertThat(deployments.at("/0/traffic/stableWeight").asInt()).isEqualTo(100);
        assertThat(deployments.at("/0/traffic/candidate").isNull()).isTrue();
        assertThat(deployments.at("/0/rollout").isNull()).isTrue();
        assertThat(deployments.at("/1/traffic/stableWeight").asInt()).isEqualTo(100);
        assertThat(deployments.at("/1/traffic/shadowMirrored").asBoolean()).isTrue();
        assertThat(deployments.at("/1/traffic/candidate/version").asText()).isEqualTo("2");
        JsonNode canary = deployments.get(2);
        assertThat(canary.at("/traffic/stableWeight").asInt()).isEqualTo(75);
        assertThat(canary.at("/traffic/canaryWeight").asInt()).isEqualTo(25);
        assertThat(canary.at("/traffic/shadowMirrored").asBoolean()).isFalse();
        assertThat(canary.at("/rollout/plan").toString()).isEqualTo("[0,5,25,50,100]");
        assertThat(canary.at("/rollout/lastStep").asInt()).isEqualTo(4);
        assertThat(canary.at("/rollout/strategy/analysisInterval").asText()).isEqualTo("PT30M");
        assertThat(canary.at("/rollout/strategy/shadow/duration").asText()).isEqualTo("PT2H");
        assertThat(canary.at("/rollout/strategy/gates/maxCostPerBeat").decimalValue()).isEqualByComparingTo("0.0125");
        assertThat(queries.asked()).containsExactly(new FindDeployments("w1", MANAGER));
        assertThat(queries.responseTypes()).containsExactly(ResponseTypes.multipleInstancesOf(DeploymentView.class));
    }

    @Test
    void rolloutAnalyses_show_metrics_gate_results_verdict_and_rationale() {
        queries.answer(FindRolloutAnalyses.class, query -> List.of(ModelViews.analysis()));

        JsonNode analysis = asManager("""
                { rolloutAnalyses(deploymentId: "narrator:world:w1", rolloutId: "r1") { step phase verdict rationale analyzedAt
                    stable { samples errorRate latencyP95Millis rating costPerBeat } candidate { samples }
                    results { gate threshold baseline limit observed passed } } }""").at("/data/rolloutAnalyses/0");

        assertThat(analysis.get("verdict").asText()).isEqualTo("ROLLBACK");
        assertThat(analysis.get("rationale").asText()).startsWith("gate failed: ERROR_RATE");
        assertThat(analysis.at("/stable/samples").asLong()).isEqualTo(1200);
        assertThat(analysis.at("/results/0/gate").asText()).isEqualTo("ERROR_RATE");
        assertThat(analysis.at("/results/0/limit").asDouble()).isEqualTo(0.011);
        assertThat(analysis.at("/results/0/passed").asBoolean()).isFalse();
        assertThat(queries.asked()).containsExactly(new FindRolloutAnalyses("narrator:world:w1", "r1", MANAGER));
        assertThat(queries.responseTypes()).containsExactly(ResponseTypes.multipleInstancesOf(RolloutAnalysisView.class));
    }

    @Test
    void armMetrics_asks_FindArmMetrics_since_an_instant() {
        ArmMetrics none = new ArmMetrics(0, 0, 0, 0, 0, null, BigDecimal.ZERO);
        queries.answer(FindArmMetrics.class, query -> new ArmMetricsReport(ModelViews.METRICS, ModelViews.METRICS, none));

        JsonNode report = asManager("""
                { armMetrics(deploymentId: "d", rolloutId: "r1", since: "2025-03-01T11:15:30+01:00") {
                    stable { samples } candidate { errorRate } shadow { samples rating } } }""").at("/data/armMetrics");

        assertThat(report.at("/stable/samples").asLong()).isEqualTo(1200);
        assertThat(report.at("/shadow/rating").isNull()).isTrue();
        assertThat(queries.asked()).containsExactly(new FindArmMetrics("d", "r1", Instant.parse("2025-03-01T10:15:30Z")));
        assertThat(queries.responseTypes()).containsExactly(ResponseTypes.instanceOf(ArmMetricsReport.class));
    }

    @Test
    void armMetrics_are_refused_to_a_player_before_anything_is_asked() {
        JsonNode error = graphQl("{ armMetrics(deploymentId: \"d\", rolloutId: \"r1\", since: \"2025-03-01T10:00:00Z\") { stable { samples } } }")
                .at("/errors/0");

        assertThat(error.at("/extensions/classification").asText()).isEqualTo("FORBIDDEN");
        assertThat(queries.asked()).isEmpty();
    }

    @Test
    void narrationAudit_names_deployment_arm_version_step_and_decisions() {
        var decision = new RouteDecision(RouteDecisionKind.ROLLOUT_ANALYZED, Views.T0, null, "r1", 1, Verdict.ADVANCE,
                "every gate passed", "system");
        queries.answer(AuditNarration.class, query -> new NarrationAudit(query.storyId(), "w1", query.beatId(), 0, List.of(
                new AuditedNarration(0, "q1", Views.T0, ModelViews.V2, "narrator:world:w1", NarrationArm.CANARY, "r1", 2,
                        List.of(decision)))));

        JsonNode audit = asManager("""
                { narrationAudit(storyId: "s1", beatId: "b2") { storyId worldId beatId selectedAlternative
                    alternatives { alternativeIndex requestId recordedAt model { modelId version } deploymentId arm rolloutId rolloutStep
                      decisions { kind decidedAt rolloutId step verdict rationale decidedBy } } } }""").at("/data/narrationAudit");

        JsonNode narration = audit.at("/alternatives/0");
        assertThat(narration.get("deploymentId").asText()).isEqualTo("narrator:world:w1");
        assertThat(narration.get("arm").asText()).isEqualTo("CANARY");
        assertThat(narration.at("/model/version").asText()).isEqualTo("2");
        assertThat(narration.get("rolloutStep").asInt()).isEqualTo(2);
        assertThat(narration.at("/decisions/0/kind").asText()).isEqualTo("ROLLOUT_ANALYZED");
        assertThat(narration.at("/decisions/0/verdict").asText()).isEqualTo("ADVANCE");
        assertThat(queries.asked()).containsExactly(new AuditNarration("s1", "b2", MANAGER));
        assertThat(queries.responseTypes()).containsExactly(ResponseTypes.optionalInstanceOf(NarrationAudit.class));
    }

    @Test
    void narrationAudit_is_null_for_a_beat_that_is_no_narration() {
        queries.answer(AuditNarration.class, query -> null);

        JsonNode response = asManager("{ narrationAudit(storyId: \"s1\", beatId: \"b1\") { beatId } }");

        assertThat(response.at("/data/narrationAudit").isNull()).isTrue();
        assertThat(response.has("errors")).isFalse();
    }
}
