package io.storyteller.ops.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.storyteller.domain.budget.BudgetDecision;
import io.storyteller.domain.deployment.GateResult;
import io.storyteller.domain.deployment.RolloutAnalyzed;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationArm;
import io.storyteller.domain.story.NarrationFailed;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.ShadowNarrationRecorded;
import java.time.Duration;
import java.util.Locale;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;

/**
 * The platform's own meters, counted from the events that record each fact: turns played,
 * narration latency by deployment and arm, tokens and their cost, failures by kind, guardrail
 * blocks, rollout gate results and what reached spend limits did to turns.
 * <p>
 * Its group's processor starts at the head of the log ({@code ops.axon.PlatformMetricsProcessing}):
 * each event is counted once, by the instance that holds its segment; a restart or a replay counts nothing
 * again, and Prometheus sums the instances. Labels hold only bounded values: deployment ids, arms,
 * gates, verdicts and failure kinds, never a story, world or player id.
 */
@ProcessingGroup(PlatformMetrics.GROUP)
@DisallowReplay
public class PlatformMetrics {

    public static final String GROUP = "platform-metrics";

    /** The label value when a narration was not routed by a deployment (the configured narrator answered). */
    static final String NONE = "none";

    private final MeterRegistry registry;
    private final TokenPrices prices;
    private final Counter turns;

    PlatformMetrics(MeterRegistry registry, TokenPrices prices) {
        this.registry = registry;
        this.prices = prices;
        this.turns = Counter.builder("storyteller.turns").description("Player actions submitted").register(registry);
    }

    @EventHandler
    void on(PlayerActionSubmitted event) {
        turns.increment();
    }

    @EventHandler
    void on(NarrationRecorded event) {
        NarrationProvenance provenance = event.provenance();
        if (provenance == null) {
            return;
        }
        latency(provenance.deploymentId(), provenance.arm(), provenance.latencyMillis(), "recorded");
        spend(provenance);
        budget(provenance.budget());
        provenance.candidates().forEach(this::guardrail);
    }

    @EventHandler
    void on(ShadowNarrationRecorded event) {
        NarrationProvenance provenance = event.provenance();
        if (provenance == null) {
            return;
        }
        if (event.failureReason() != null) {
            failure(event.failureReason(), provenance.deploymentId(), NarrationArm.SHADOW);
        } else {
            latency(provenance.deploymentId(), NarrationArm.SHADOW, provenance.latencyMillis(), "mirrored");
        }
        spend(provenance);
        provenance.candidates().forEach(this::guardrail);
    }

    @EventHandler
    void on(NarrationFailed event) {
        var route = event.route();
        registry.counter("storyteller.narration.failures", "reason", FailureKind.of(event.reason(), event.code()).label(),
                "deployment", deployment(route == null ? null : route.deploymentId()),
                "arm", arm(route == null ? null : route.arm())).increment();
        budget(event.budget());
        event.candidates().forEach(candidate -> {
            tokens(candidate.deploymentId(), candidate.arm(), candidate.model(), candidate.promptTokens(),
                    candidate.completionTokens());
            guardrail(candidate);
        });
    }

    @EventHandler
    void on(RolloutAnalyzed event) {
        for (GateResult result : event.results()) {
            registry.counter("storyteller.rollout.gate.results", "gate", lower(result.gate().name()),
                    "result", result.passed() ? "pass" : "fail").increment();
        }
        registry.counter("storyteller.rollout.verdicts", "verdict", lower(event.verdict().name())).increment();
    }

    private void latency(String deploymentId, NarrationArm arm, long millis, String outcome) {
        Timer.builder("storyteller.narration.latency")
                .description("Time from request to checked narration, as recorded in its provenance")
                .tags("deployment", deployment(deploymentId), "arm", arm(arm), "outcome", outcome)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofMinutes(2))
                .register(registry)
                .record(Duration.ofMillis(Math.max(0, millis)));
    }

    /** Every candidate spent tokens, chosen or not; a provenance without candidates spent its own. */
    private void spend(NarrationProvenance provenance) {
        if (provenance.candidates().isEmpty()) {
            tokens(provenance.deploymentId(), provenance.arm(), provenance.model(), provenance.promptTokens(),
                    provenance.completionTokens());
            return;
        }
        for (CandidateReport candidate : provenance.candidates()) {
            tokens(candidate.deploymentId(), candidate.arm(), candidate.model(), candidate.promptTokens(),
                    candidate.completionTokens());
        }
    }

    private void tokens(String deploymentId, NarrationArm arm, String model, int prompt, int completion) {
        String deployment = deployment(deploymentId);
        String side = arm(arm);
        registry.counter("storyteller.narration.tokens", "deployment", deployment, "arm", side, "kind", "prompt")
                .increment(Math.max(0, prompt));
        registry.counter("storyteller.narration.tokens", "deployment", deployment, "arm", side, "kind", "completion")
                .increment(Math.max(0, completion));
        Counter.builder("storyteller.narration.cost").baseUnit("usd")
                .description("Tokens priced at the model's registered price")
                .tags("deployment", deployment, "arm", side)
                .register(registry)
                .increment(prices.costUsd(model, prompt, completion));
    }

    /**
     * A spend limit reached: {@code storyteller.budget.decisions} by budget kind (global or world, never
     * which world), period and action (cheaper: narrated more cheaply, refuse: refused).
     */
    private void budget(BudgetDecision decision) {
        if (decision == null) {
            return;
        }
        registry.counter("storyteller.budget.decisions", "budget", decision.budget().startsWith("world:") ? "world" : "global",
                "period", lower(decision.period().name()), "action", lower(decision.action().name())).increment();
    }

    private void failure(String reason, String deploymentId, NarrationArm arm) {
        registry.counter("storyteller.narration.failures", "reason", FailureKind.of(reason).label(),
                "deployment", deployment(deploymentId), "arm", arm(arm)).increment();
    }

    private void guardrail(CandidateReport candidate) {
        String action = candidate.outcome() == CandidateOutcome.BLOCKED ? "block"
                : candidate.outcome() == CandidateOutcome.CHOSEN_REDACTED ? "redact" : null;
        if (action != null) {
            registry.counter("storyteller.guardrail.blocks", "deployment", deployment(candidate.deploymentId()),
                    "arm", arm(candidate.arm()), "action", action).increment();
        }
    }

    private static String deployment(String deploymentId) {
        return deploymentId == null || deploymentId.isBlank() ? NONE : deploymentId;
    }

    private static String arm(NarrationArm arm) {
        return arm == null ? NONE : lower(arm.name());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
