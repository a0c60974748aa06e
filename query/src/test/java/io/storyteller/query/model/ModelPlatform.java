package io.storyteller.query.model;

import static io.storyteller.projections.support.ModelManagementEvents.EMBEDDER;
import static io.storyteller.projections.support.ModelManagementEvents.GPT;
import static io.storyteller.projections.support.ModelManagementEvents.GPT_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V1;
import static io.storyteller.projections.support.ModelManagementEvents.HOUSE_V2;
import static io.storyteller.projections.support.ModelManagementEvents.STRATEGY;
import static io.storyteller.projections.support.ModelManagementEvents.metrics;

import io.storyteller.domain.deployment.DeploymentCreated;
import io.storyteller.domain.deployment.RolloutAdvanced;
import io.storyteller.domain.deployment.RolloutAnalysis;
import io.storyteller.domain.deployment.RolloutAnalyzed;
import io.storyteller.domain.deployment.RolloutPhase;
import io.storyteller.domain.deployment.RolloutStarted;
import io.storyteller.domain.model.ModelEvaluated;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelRetired;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelVariantDerived;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.TrainingLineage;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.projections.deployment.DeploymentProjection;
import io.storyteller.projections.deployment.RolloutDecisionProjection;
import io.storyteller.projections.model.ModelProjection;
import io.storyteller.projections.rollout.NarrationOutcomeProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ModelManagementEvents;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A registry and its slots, built through the real projections:
 * <ul>
 *   <li>models: {@code openai:gpt-4o-mini} (paid, one version, evaluated), {@code house:w1}
 *       (versions 1 and 2, 2 derived from 1), {@code ollama:nomic-embed-text} (embedding, retired),
 *       the variant {@code narrator-noir} of gpt-4o-mini and {@code tuned:noir} fine-tuned from it;</li>
 *   <li>slots: {@code narrator:global} served by gpt-4o-mini, {@code narrator:world:w1} served by
 *       house v1 with rollout r1 of house v2 at canary step 1 (5%), analysed twice; no slot of w2.</li>
 * </ul>
 */
public final class ModelPlatform {

    public static final Actor ROOT = new Actor("root", Set.of(PlatformRole.PLATFORM_ADMIN));
    public static final Actor SYSTEM = Actor.system();
    public static final Actor MIA = new Actor("mia", Set.of(PlatformRole.MODEL_MANAGER));
    public static final Actor OLGA = new Actor("olga", Set.of(PlatformRole.WORLD_ADMIN));
    public static final Actor PIA = new Actor("pia", Set.of(PlatformRole.PLAYER));
    public static final String TUNED = "tuned:noir";
    /** How a fine-tuning trained {@code TUNED} 1. */
    public static final TrainingLineage TUNED_TRAINING = new TrainingLineage("ft-noir", new ModelRef("narrator-noir", "1"), "openai", "export-9",
            "e".repeat(64), Map.of("sft.train.jsonl", 500L), Map.of("n_epochs", "2"), Map.of("loss", 0.31), "ftjob-9");
    public static final ModelRef NOIR_V1 = new ModelRef("narrator-noir", "1");
    public static final String WORLD_SLOT = "narrator:world:w1";
    public static final String GLOBAL_SLOT = "narrator:global";

    private ModelPlatform() {
    }

    public static Object[] projections(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        return new Object[] {new ModelProjection(jdbc), new DeploymentProjection(jdbc, emitter),
                new RolloutDecisionProjection(jdbc), new NarrationOutcomeProjection(jdbc)};
    }

    public static EventLog load(JdbcClient jdbc, QueryUpdateEmitter emitter) {
        EventLog log = events();
        log.deliver(projections(jdbc, emitter));
        return log;
    }

    public static EventLog events() {
        EventLog log = new EventLog();
        log.model(GPT, ModelManagementEvents.gptRegistered(),
                new ModelVersionAdded(GPT, GPT_V1.version(), null, null, null, "system"),
                new ModelEvaluated(GPT, GPT_V1.version(), "narration-replay", Map.of("rating", 4.1), "system"));
        log.model(HOUSE, ModelManagementEvents.houseRegistered(),
                new ModelVersionAdded(HOUSE, "1", null, null, "0..99", "system"),
                new ModelVersionAdded(HOUSE, "2", null, HOUSE_V1, "0..199", "system"));
        log.model(EMBEDDER, ModelManagementEvents.embedderRegistered(),
                new ModelRetired(EMBEDDER, "replaced", "mia"));
        log.model(NOIR_V1.modelId(), new ModelVariantDerived(NOIR_V1.modelId(), "narrator-noir",
                        ModelManagementEvents.gptRegistered().spec(), GPT_V1, UseCase.NARRATOR, "Speak in noir.", null,
                        "mia"),
                new ModelVersionAdded(NOIR_V1.modelId(), "1", null, GPT_V1, null, "mia"));
        log.model(TUNED, new ModelRegistered(TUNED, new ModelSpec("tuned", "noir", ModelKind.CHAT, List.of("chat"),
                        128_000, new TokenPrice(new BigDecimal("0.30"), new BigDecimal("1.20"), "USD"), "proprietary"),
                        ModelSource.FINE_TUNED, null, "mia"),
                new ModelVersionAdded(TUNED, "1", null, NOIR_V1, "0..500", "mia", TUNED_TRAINING));
        log.deployment(GLOBAL_SLOT, new DeploymentCreated(GLOBAL_SLOT, UseCase.NARRATOR, null, GPT_V1, "mia"));
        var stable = metrics(10, 0.0, 3.5);
        var candidate = metrics(2, 0.0, null);
        RolloutAnalysis hold = RolloutAnalysis.of(STRATEGY, 1, stable, candidate);
        log.deployment(WORLD_SLOT, new DeploymentCreated(WORLD_SLOT, UseCase.NARRATOR, "w1", HOUSE_V1, "mia"),
                new RolloutStarted(WORLD_SLOT, "r1", HOUSE_V2, HOUSE_V1, STRATEGY, RolloutPhase.SHADOW, 0, 0,
                        "house v2", "mia"),
                new RolloutAdvanced(WORLD_SLOT, "r1", 1, 5, "system"),
                new RolloutAnalyzed(WORLD_SLOT, "r1", 1, RolloutPhase.CANARY, stable, candidate, hold.results(),
                        hold.verdict(), hold.rationale(), "system"),
                new RolloutAnalyzed(WORLD_SLOT, "r1", 1, RolloutPhase.CANARY, stable, candidate, hold.results(),
                        hold.verdict(), hold.rationale() + " again", "system"));
        return log;
    }
}
