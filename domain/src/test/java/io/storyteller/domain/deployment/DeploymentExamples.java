package io.storyteller.domain.deployment;

import io.storyteller.domain.model.ModelExamples;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelSource;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.ModelsOnRecord;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import io.storyteller.domain.story.WorldsOnRecord;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;

/**
 * The cast and facts the deployment specifications share. The global narrator slot is served by
 * llama 3.1 (stable); claude is the candidate of rollout r1, with gates every healthy arm keeps.
 * Numbers are binary fractions, so the expected evidence is exact.
 */
final class DeploymentExamples {

    static final String GLOBAL = "narrator:global";
    static final String WORLD_ID = "w1";
    static final String IN_WORLD = "narrator:world:w1";
    static final String R1 = "r1";
    static final String REASON = "better rated in replay";

    static final ModelRef STABLE = new ModelRef("llama-8b", "3.1");
    static final ModelRef CANDIDATE = new ModelRef("claude-sonnet", "2025-09");
    static final ModelRef OTHER = new ModelRef("narrator-noir-llama", "1");

    static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    static final Actor MANAGER = new Actor("mona", Set.of(PlatformRole.MODEL_MANAGER));
    static final Actor PLAYER = new Actor("pia", Set.of(PlatformRole.PLAYER));
    static final Actor WORLD_ADMIN = new Actor("wanda", Set.of(PlatformRole.WORLD_ADMIN));

    private DeploymentExamples() {
    }

    /** Error rate at most 1/8, p95 latency 2 s, guardrail blocks 1/16, detector 1/2, rating 3.5, cost 1 ct per beat; no tolerance. */
    static RolloutGates gates() {
        return new RolloutGates(0.125, 2000L, 0.0625, 0.5, 3.5, new BigDecimal("0.01"), null);
    }

    /** Canary steps 5, 25, 50, 100, analysed every 30 minutes once each arm has 100 samples. */
    static RolloutStrategy canary() {
        return canary(gates());
    }

    static RolloutStrategy canary(RolloutGates gates) {
        return new RolloutStrategy(null, List.of(5, 25, 50, 100), Duration.ofMinutes(30), 100, gates);
    }

    /** Two hours and 200 mirrored requests of shadow, then the canary steps. */
    static RolloutStrategy shadowFirst() {
        return new RolloutStrategy(new ShadowPhase(Duration.ofHours(2), 200), List.of(5, 25, 50, 100),
                Duration.ofMinutes(30), 100, gates());
    }

    /** An arm that keeps every gate, with {@code samples} samples. */
    static ArmMetrics healthy(long samples) {
        return new ArmMetrics(samples, 0.0625, 1500, 0.03125, 0.25, 4.0, new BigDecimal("0.004"));
    }

    static ArmMetrics healthy() {
        return healthy(100);
    }

    /** What the gates find when both arms are {@link #healthy()}. */
    static List<GateResult> healthyResults() {
        return List.of(new GateResult(Gate.ERROR_RATE, 0.125, 0.0625, 0.125, 0.0625, true),
                new GateResult(Gate.LATENCY_P95, 2000, 1500.0, 2000, 1500.0, true),
                new GateResult(Gate.GUARDRAIL_BLOCK_RATE, 0.0625, 0.03125, 0.0625, 0.03125, true),
                new GateResult(Gate.DETECTOR_SCORE, 0.5, 0.25, 0.5, 0.25, true),
                new GateResult(Gate.RATING, 3.5, 4.0, 3.5, 4.0, true),
                new GateResult(Gate.COST_PER_BEAT, 0.01, 0.004, 0.01, 0.004, true));
    }

    /** The global narrator slot as ada opened it; then {@code more}. */
    static List<Object> created(Object... more) {
        List<Object> events = new ArrayList<>(List.of(
                new DeploymentCreated(GLOBAL, UseCase.NARRATOR, null, STABLE, ADMIN.userId())));
        events.addAll(List.of(more));
        return events;
    }

    /** The slot with rollout r1 of claude at its first canary step (weight 5); then {@code more}. */
    static List<Object> inCanary(Object... more) {
        List<Object> events = created(started(canary()));
        events.addAll(List.of(more));
        return events;
    }

    /** The slot with rollout r1 of claude shadowing (step 0, weight 0); then {@code more}. */
    static List<Object> inShadow(Object... more) {
        List<Object> events = created(started(shadowFirst()));
        events.addAll(List.of(more));
        return events;
    }

    static RolloutStarted started(RolloutStrategy strategy) {
        return new RolloutStarted(GLOBAL, R1, CANDIDATE, STABLE, strategy, strategy.phaseAt(0), 0, strategy.weightAt(0),
                REASON, ADMIN.userId());
    }

    static RolloutAdvanced advanced(int step, int weight) {
        return new RolloutAdvanced(GLOBAL, R1, step, weight, "system");
    }

    static RolloutPaused paused() {
        return new RolloutPaused(GLOBAL, R1, "investigating latency", MANAGER.userId());
    }

    /**
     * A deployment fixture as the application wires it: slots opened, stable models replaced and
     * rollouts started through {@link DeploymentAdmission}, with world w1 and the models llama-8b 3.1,
     * claude-sonnet 2025-09 and narrator-noir-llama 1 on record.
     */
    static FixtureConfiguration<Deployment> fixture() {
        FixtureConfiguration<Deployment> fixture = new AggregateTestFixture<>(Deployment.class);
        WorldSettings settings = new WorldSettings("Ashfall", "A city inside a volcano.", "fantasy", "grim",
                ContentRating.TEEN, "");
        WorldsOnRecord worlds = new WorldsOnRecord().record(WORLD_ID, new WorldCreated(WORLD_ID, settings, "wanda"));
        ModelsOnRecord models = ModelExamples.registry().record(OTHER.modelId(), List.of(
                new ModelRegistered(OTHER.modelId(), new ModelSpec("ollama", "narrator-noir-llama", ModelKind.CHAT, List.of("chat"),
                        8192, TokenPrice.zero(), "llama3.1"), ModelSource.DOWNLOADED, null, "ada"),
                new ModelVersionAdded(OTHER.modelId(), OTHER.version(), null, null, null, "ada")));
        fixture.registerAnnotatedCommandHandler(new DeploymentAdmission(worlds.repository(), models.repository(),
                fixture.getRepository()));
        return fixture;
    }
}
