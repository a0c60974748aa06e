package io.storyteller.projections.support;

import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.RolloutGates;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.ShadowPhase;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationProvenance;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

/**
 * Models, slots and routed narrations the model-management tests feed: a paid OpenAI chat model
 * ($0.15 / $0.60 per million input / output tokens), a world's house model (free) and a
 * self-hosted embedding model.
 */
public final class ModelManagementEvents {

    public static final String GPT = "openai:gpt-4o-mini";
    public static final String HOUSE = "house:w1";
    public static final String EMBEDDER = "ollama:nomic-embed-text";
    public static final ModelRef GPT_V1 = new ModelRef(GPT, "gpt-4o-mini-2024-07-18");
    public static final ModelRef HOUSE_V1 = new ModelRef(HOUSE, "1");
    public static final ModelRef HOUSE_V2 = new ModelRef(HOUSE, "2");
    public static final RolloutStrategy STRATEGY = new RolloutStrategy(new ShadowPhase(Duration.ofMinutes(30), 50),
            List.of(5, 25, 50, 100), Duration.ofMinutes(10), 20,
            new RolloutGates(0.05, 2000L, null, null, 3.0, new BigDecimal("0.002"), 0.1));

    private ModelManagementEvents() {
    }

    public static ModelRegistered gptRegistered() {
        return new ModelRegistered(GPT, new ModelSpec("openai", "gpt-4o-mini", ModelKind.CHAT,
                List.of("chat", "json"), 128_000, new TokenPrice(new BigDecimal("0.15"), new BigDecimal("0.60"), "USD"),
                "proprietary"), ModelSource.PAID_API, "openai-catalogue", "system");
    }

    public static ModelRegistered houseRegistered() {
        return new ModelRegistered(HOUSE, new ModelSpec("house", "w1", ModelKind.CHAT, List.of("chat"), 2048,
                TokenPrice.zero(), "house"), ModelSource.HOUSE_TRAINED, null, "system");
    }

    public static ModelRegistered embedderRegistered() {
        return new ModelRegistered(EMBEDDER, new ModelSpec("ollama", "nomic-embed-text", ModelKind.EMBEDDING,
                List.of("embedding"), 8192, TokenPrice.zero(), "apache-2.0"), ModelSource.SELF_HOSTED,
                "ollama-tags", "mia");
    }

    public static ArmMetrics metrics(long samples, double errorRate, Double rating) {
        return new ArmMetrics(samples, errorRate, 900, 0, 0, rating, new BigDecimal("0.0003"));
    }

    /** A routed narration's provenance. */
    public static NarrationProvenance routed(String model, String version, NarrationArm arm, String deploymentId,
                                             String rolloutId, Integer step, long latency, int promptTokens,
                                             int completionTokens) {
        return new NarrationProvenance(model, version, "digest", List.of(), latency, promptTokens, completionTokens)
                .routed(deploymentId, arm, rolloutId, step);
    }
}
