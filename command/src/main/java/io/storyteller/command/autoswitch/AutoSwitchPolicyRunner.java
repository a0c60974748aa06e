package io.storyteller.command.autoswitch;

import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.domain.deployment.AutoSwitchDecided;
import io.storyteller.domain.deployment.DecideAutoSwitch;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.FindDeployments;
import io.storyteller.domain.model.FindModels;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelSpec;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.ModelView;
import io.storyteller.domain.model.RecordModelEvaluation;
import io.storyteller.domain.model.TokenPrice;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The paid-model auto-switch. When discovery registers a chat model ({@code discoveredBy}
 * {@code discovery:<provider>}) and its first version, every narrator slot whose stable model is of
 * the same provider and has no rollout in progress is considered: the candidate and the stable
 * model are both evaluated by {@link ReplayEvaluation} on the slot's most recent recorded player
 * actions (its world's, or all worlds' for the global slot), each result is recorded on its model
 * as {@code RecordModelEvaluation} (suite {@value #SUITE}: the evidence), and
 * {@link DecideAutoSwitch} is sent with both, the configured policy and a shadow-first strategy.
 * The Deployment aggregate records its decision and rationale either way, and starts the rollout
 * when switching.
 * <p>
 * A model is new to a slot when it was registered after the slot was created (one known before was
 * an option when the slot's model was chosen) and at most {@code max-discovery-age} ago.
 * <p>
 * The event handlers only take note and queue work; the evaluation runs on a thread of its own,
 * one candidate at a time, outside any unit of work, each model call bounded by
 * {@code call-timeout}. A (slot, candidate) pair is decided once: pairs decided in the event log
 * ({@link AutoSwitchDecided}, also read before each evaluation) or by this runner are skipped. The
 * processor may start at the beginning of the log; replays are disallowed.
 */
@Component
@ProcessingGroup(AutoSwitchPolicyRunner.GROUP)
@DisallowReplay
@ConditionalOnProperty(prefix = "storyteller.auto-switch", name = "enabled", havingValue = "true", matchIfMissing = true)
public class AutoSwitchPolicyRunner implements AutoCloseable {

    public static final String GROUP = "auto-switch";
    public static final String SUITE = "narration-replay";
    static final String DISCOVERED_PREFIX = "discovery:";

    private static final Logger log = LoggerFactory.getLogger(AutoSwitchPolicyRunner.class);

    /** A discovered chat model waiting for its first version. */
    private record Discovered(ModelSpec spec, Instant registeredAt) {
    }

    private final AutoSwitchProperties properties;
    private final ModelRuntimes runtimes;
    private final StreamableMessageSource<TrackedEventMessage<?>> eventLog;
    private final QueryGateway queries;
    private final CommandGateway commands;
    private final ReplayEvaluation evaluation;
    /** Discovered chat models waiting for their first version. */
    private final Map<String, Discovered> awaitingVersion = new ConcurrentHashMap<>();
    private final Set<String> decided = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "auto-switch");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService calls = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "auto-switch-call");
        thread.setDaemon(true);
        return thread;
    });

    public AutoSwitchPolicyRunner(AutoSwitchProperties properties, ModelRuntimes runtimes, EventStore eventLog,
            QueryGateway queries, CommandGateway commands) {
        this.properties = properties;
        this.runtimes = runtimes;
        this.eventLog = eventLog;
        this.queries = queries;
        this.commands = commands;
        this.evaluation = new ReplayEvaluation(calls, properties.callTimeout());
    }

    @EventHandler
    void on(ModelRegistered event, @Timestamp Instant registeredAt) {
        if (properties.enabled() && event.discoveredBy() != null && event.discoveredBy().startsWith(DISCOVERED_PREFIX)
                && event.spec() != null && event.spec().kind() == ModelKind.CHAT) {
            awaitingVersion.put(event.modelId(), new Discovered(event.spec(), registeredAt));
        }
    }

    /** A discovered model's first version: the candidate. Later versions of it are not evaluated. */
    @EventHandler
    void on(ModelVersionAdded event) {
        Discovered discovered = awaitingVersion.remove(event.modelId());
        if (discovered == null) {
            return;
        }
        if (discovered.registeredAt().isBefore(Instant.now().minus(properties.maxDiscoveryAge()))) {
            log.debug("Auto-switch skips {}: discovered at {}, too long ago", event.modelId(), discovered.registeredAt());
            return;
        }
        ModelRef candidate = new ModelRef(event.modelId(), event.version());
        worker.execute(() -> consider(candidate, discovered));
    }

    @EventHandler
    void on(AutoSwitchDecided event) {
        decided.add(RecordedActions.pair(event.deploymentId(), event.candidate().label()));
    }

    /** Waits until the work queued so far is done; for tests. */
    void awaitIdle() throws Exception {
        worker.submit(() -> { }).get(1, TimeUnit.MINUTES);
    }

    private void consider(ModelRef candidate, Discovered discovered) {
        ModelSpec spec = discovered.spec();
        try {
            List<DeploymentView> slots = slots(candidate, discovered);
            if (slots.isEmpty()) {
                return;
            }
            RecordedActions recorded = RecordedActions.read(eventLog, properties.replayActions());
            decided.addAll(recorded.decided());
            Map<String, TokenPrice> prices = prices(spec.provider());
            prices.put(candidate.modelId(), spec.price());
            for (DeploymentView slot : slots) {
                if (!decided.contains(RecordedActions.pair(slot.deploymentId(), candidate.label()))) {
                    decide(slot, candidate, recorded.of(slot.worldId()), prices);
                }
            }
        } catch (RuntimeException e) {
            log.warn("Auto-switch could not consider {}: {}", candidate.label(), e.toString());
        }
    }

    /**
     * Narrator slots served by a model of the candidate's provider, created before it was discovered,
     * with no rollout in progress, not yet decided.
     */
    private List<DeploymentView> slots(ModelRef candidate, Discovered discovered) {
        String prefix = discovered.spec().provider() + ":";
        List<DeploymentView> deployments = request(queries.query(new FindDeployments(null, Actor.system()),
                ResponseTypes.multipleInstancesOf(DeploymentView.class)));
        return deployments.stream()
                .filter(slot -> slot.useCase() == UseCase.NARRATOR && slot.rollout() == null && slot.stable() != null)
                .filter(slot -> slot.createdAt() == null || discovered.registeredAt().isAfter(slot.createdAt()))
                .filter(slot -> slot.stable().modelId().startsWith(prefix)
                        && !slot.stable().modelId().equals(candidate.modelId()))
                .filter(slot -> !decided.contains(RecordedActions.pair(slot.deploymentId(), candidate.label())))
                .toList();
    }

    private Map<String, TokenPrice> prices(String provider) {
        List<ModelView> models = request(queries.query(new FindModels(provider, null, null, Actor.system()),
                ResponseTypes.multipleInstancesOf(ModelView.class)));
        Map<String, TokenPrice> prices = new HashMap<>();
        models.stream().filter(model -> model.spec() != null && model.spec().price() != null)
                .forEach(model -> prices.put(model.modelId(), model.spec().price()));
        return prices;
    }

    private void decide(DeploymentView slot, ModelRef candidate, List<RecordedAction> actions,
            Map<String, TokenPrice> prices) {
        ModelRef stable = slot.stable();
        ReplayResult candidateResult = evaluate(candidate, prices, actions);
        ReplayResult stableResult = evaluate(stable, prices, actions);
        record(candidate, candidateResult);
        record(stable, stableResult);
        String rolloutId = UUID.randomUUID().toString();
        decided.add(RecordedActions.pair(slot.deploymentId(), candidate.label()));
        try {
            request(commands.send(new DecideAutoSwitch(slot.deploymentId(), candidate, candidateResult.armMetrics(),
                    stableResult.armMetrics(), properties.policy(), properties.strategy(), rolloutId, Actor.system())));
            log.info("Auto-switch decided on {} for {}: candidate {}, stable {}", candidate.label(), slot.deploymentId(),
                    candidateResult, stableResult);
        } catch (RuntimeException e) {
            log.warn("Auto-switch decision on {} for {} was refused: {}", candidate.label(), slot.deploymentId(),
                    e.toString());
        }
    }

    private ReplayResult evaluate(ModelRef model, Map<String, TokenPrice> prices, List<RecordedAction> actions) {
        TokenPrice price = prices.getOrDefault(model.modelId(), TokenPrice.zero());
        try {
            return evaluation.evaluate(model.label(), runtimes.chatModelFor(model), price, actions);
        } catch (RuntimeException e) {
            // Nothing here can run it: every replayed call fails.
            log.warn("Auto-switch cannot run {}: {}", model.label(), e.getMessage());
            return new ReplayResult(actions.size(), actions.isEmpty() ? 0 : 1, 0, BigDecimal.ZERO,
                    ReplayQuality.score(0, actions.size()));
        }
    }

    private void record(ModelRef model, ReplayResult result) {
        try {
            request(commands.send(new RecordModelEvaluation(model.modelId(), model.version(), SUITE, result.metrics(),
                    Actor.system())));
        } catch (RuntimeException e) {
            log.warn("Auto-switch could not record the evaluation of {}: {}", model.label(), e.toString());
        }
    }

    private <T> T request(CompletableFuture<T> answer) {
        try {
            return answer.get(properties.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new IllegalStateException("no answer within " + properties.requestTimeout(), e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        calls.shutdownNow();
    }
}
