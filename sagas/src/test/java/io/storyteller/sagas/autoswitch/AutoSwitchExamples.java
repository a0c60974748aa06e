package io.storyteller.sagas.autoswitch;

import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.AutoSwitchConsidered;
import io.storyteller.domain.deployment.AutoSwitchDecided;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.RolloutProgress;
import io.storyteller.domain.model.ModelEvaluated;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The cast the auto-switch saga specifications share: the w1 narrator slot on gpt-4o-mini, gpt-5 discovered. */
final class AutoSwitchExamples {

    static final Instant T0 = Instant.parse("2026-02-01T10:00:00Z");
    static final String SLOT = "narrator:world:w1";
    static final ModelRef STABLE = new ModelRef("openai:gpt-4o-mini", "gpt-4o-mini");
    static final ModelRef CANDIDATE = new ModelRef("openai:gpt-5", "gpt-5-2026-01-01");
    static final String PAIR = AutoSwitchPair.of(SLOT, CANDIDATE);
    static final Map<String, Double> GOOD = Map.of("costPerBeat", 0.0002, "errorRate", 0.0, "latencyP95Millis", 900.0,
            "quality", 5.0, "samples", 3.0);
    static final Map<String, Double> POOR = Map.of("costPerBeat", 0.000045, "errorRate", 0.0, "latencyP95Millis", 400.0,
            "quality", 1.0, "samples", 3.0);
    static final ArmMetrics GOOD_ARM = new ArmMetrics(3, 0, 900, 0, 0, 5.0, new BigDecimal("0.0002"));
    static final ArmMetrics POOR_ARM = new ArmMetrics(3, 0, 400, 0, 0, 1.0, new BigDecimal("0.000045"));

    private AutoSwitchExamples() {
    }

    static ModelRegistered discovered(String modelId, String provider, ModelKind kind, String discoveredBy) {
        return new ModelRegistered(modelId, new ModelSpec(provider, provider + "-model", kind, List.of(), 128_000,
                new TokenPrice(BigDecimal.ONE, new BigDecimal("2"), TokenPrice.USD), "proprietary"),
                ModelSource.PAID_API, discoveredBy, "system");
    }

    static ModelRegistered discovered() {
        return discovered(CANDIDATE.modelId(), "openai", ModelKind.CHAT, "discovery:openai");
    }

    static ModelVersionAdded versionAdded(ModelRef model) {
        return new ModelVersionAdded(model.modelId(), model.version(), null, null, null, "system");
    }

    static DeploymentView slot(String deploymentId, String worldId, ModelRef stable, RolloutProgress rollout) {
        return new DeploymentView(deploymentId, deploymentId.startsWith("narrator") ? UseCase.NARRATOR : UseCase.REVIEWER,
                worldId, stable, rollout, Instant.EPOCH, Instant.EPOCH);
    }

    static AutoSwitchConsidered considered() {
        return new AutoSwitchConsidered(SLOT, "w1", CANDIDATE, STABLE, "system");
    }

    static String evaluationId(String arm, int attempt) {
        return PAIR + "/" + arm + "/" + attempt;
    }

    static ModelEvaluated evaluated(ModelRef model, Map<String, Double> metrics, String evaluationId) {
        return new ModelEvaluated(model.modelId(), model.version(), ReplayEvidence.SUITE, metrics, "system", evaluationId);
    }

    static AutoSwitchDecided decided(boolean switching) {
        return new AutoSwitchDecided(SLOT, CANDIDATE, STABLE, switching, "switching", GOOD_ARM, POOR_ARM,
                AutoSwitchSagaProperties.defaults().policy(), switching ? "r-auto" : null, "system");
    }
}
