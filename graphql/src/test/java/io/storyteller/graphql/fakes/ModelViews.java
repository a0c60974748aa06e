package io.storyteller.graphql.fakes;

import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.Gate;
import io.storyteller.domain.deployment.GateResult;
import io.storyteller.domain.deployment.RolloutAnalysisView;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutProgress;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.ShadowPhase;
import io.storyteller.domain.deployment.Verdict;
import io.storyteller.domain.model.ModelEvaluationView;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelStatus;
import io.storyteller.domain.model.ModelVersionView;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Model registry and deployment read results as the query side would answer them. */
public final class ModelViews {

    public static final ModelRef V1 = new ModelRef("house:w1", "1");
    public static final ModelRef V2 = new ModelRef("house:w1", "2");
    public static final RolloutStrategy STRATEGY = new RolloutStrategy(new ShadowPhase(Duration.ofHours(2), 200),
            List.of(5, 25, 50, 100), Duration.ofMinutes(30), 100,
            new RolloutGates(0.05, 2000L, null, null, 3.5, new BigDecimal("0.0125"), 0.1));
    public static final ArmMetrics METRICS = new ArmMetrics(1200, 0.01, 850, 0, 0.25, 4.2, new BigDecimal("0.00125"));

    private ModelViews() {
    }

    public static ModelView paidModel(String modelId) {
        var spec = new ModelSpec("openai", modelId.substring(modelId.indexOf(':') + 1), ModelKind.CHAT, List.of("chat", "tools"),
                128_000, new TokenPrice(new BigDecimal("0.15"), new BigDecimal("0.60"), "USD"), "proprietary");
        var evaluation = new ModelEvaluationView("narration-v1", Map.of("rating", 4.25, "errorRate", 0.01), "meta", Views.T0);
        var version = new ModelVersionView("2024-07-18", null, null, null, List.of(evaluation), "meta", Views.T0);
        return new ModelView(modelId, spec, ModelSource.PAID_API, "openai-models", ModelStatus.ACTIVE, null, List.of(version),
                "system", null, Views.T0, Views.T0.plusSeconds(60));
    }

    public static DeploymentView deployment(String deploymentId, RolloutPhase phase, int step, int weight) {
        RolloutProgress rollout = phase == null ? null
                : new RolloutProgress("r1", V2, STRATEGY, phase, step, weight, false, "new house model", Views.T0);
        return new DeploymentView(deploymentId, UseCase.NARRATOR, "w1", V1, rollout, Views.T0, Views.T0.plusSeconds(30));
    }

    public static RolloutAnalysisView analysis() {
        var result = new GateResult(Gate.ERROR_RATE, 0.05, 0.01, 0.011, 0.02, false);
        return new RolloutAnalysisView("narrator:world:w1", "r1", 2, RolloutPhase.CANARY, METRICS, METRICS, List.of(result),
                Verdict.ROLLBACK, "gate failed: ERROR_RATE 0.02 above limit 0.011", "system", Views.T0);
    }
}
