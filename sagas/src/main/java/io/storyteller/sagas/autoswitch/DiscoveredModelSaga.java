package io.storyteller.sagas.autoswitch;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.deployment.ConsiderAutoSwitch;
import io.storyteller.domain.deployment.DeploymentView;
import io.storyteller.domain.deployment.FindDeployments;
import io.storyteller.domain.model.ModelKind;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.ModelRegistered;
import io.storyteller.domain.model.ModelVersionAdded;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.sagas.dispatch.SagaCommands;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Follows a chat model registered by discovery ({@code discoveredBy} {@code discovery:<provider>})
 * to its first version, then offers that version to every narrator slot that might switch to it:
 * served by a model of the same provider, with no rollout in progress (as the deployments read
 * model has it). Each slot decides for itself ({@link ConsiderAutoSwitch}); one that takes the
 * candidate up starts an {@link AutoSwitchSaga}. Any other model ends this saga at once, and so
 * does a discovery older than {@code max-discovery-age} when its version arrives.
 * <p>
 * When the slots cannot be read, a deadline asks again, at most {@code evaluation-retries} times.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class DiscoveredModelSaga {

    /** The deadline that asks for the slots again. */
    public static final String SLOTS_RETRY = "auto-switch-slots";
    static final String DISCOVERED_PREFIX = "discovery:";
    private static final Logger log = LoggerFactory.getLogger(DiscoveredModelSaga.class);

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient QueryGateway queryGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient AutoSwitchSagaProperties settings;

    private String provider;
    private Instant discoveredAt;
    private ModelRef candidate;
    private int failures;

    @StartSaga
    @SagaEventHandler(associationProperty = "modelId")
    void on(ModelRegistered event, @Timestamp Instant at) {
        boolean discovered = event.discoveredBy() != null && event.discoveredBy().startsWith(DISCOVERED_PREFIX);
        if (!settings.enabled() || !discovered || event.spec() == null || event.spec().kind() != ModelKind.CHAT) {
            SagaLifecycle.end();
            return;
        }
        provider = event.spec().provider();
        discoveredAt = at;
    }

    /** The first version is the candidate; the saga ends with it, so later versions are not offered. */
    @SagaEventHandler(associationProperty = "modelId")
    void on(ModelVersionAdded event) {
        candidate = new ModelRef(event.modelId(), event.version());
        if (discoveredAt.isBefore(GenericEventMessage.clock.instant().minus(settings.maxDiscoveryAge()))) {
            log.debug("Auto-switch skips {}: discovered at {}, too long ago", candidate.label(), discoveredAt);
            SagaLifecycle.end();
            return;
        }
        offer();
    }

    @DeadlineHandler(deadlineName = SLOTS_RETRY)
    void retry() {
        offer();
    }

    private void offer() {
        List<DeploymentView> slots;
        try {
            slots = queryGateway.query(new FindDeployments(null, Actor.system()),
                    ResponseTypes.multipleInstancesOf(DeploymentView.class))
                    .get(settings.requestTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the slots", e);
        } catch (Exception e) {
            failures++;
            if (failures > settings.evaluationRetries()) {
                log.warn("Auto-switch gives up on {}: the slots could not be read ({})", candidate.label(), e.toString());
                SagaLifecycle.end();
            } else {
                log.warn("Auto-switch on {}: the slots could not be read ({}); asking again in {}", candidate.label(),
                        e.toString(), settings.requestTimeout());
                deadlineManager.schedule(settings.requestTimeout(), SLOTS_RETRY);
            }
            return;
        }
        slots.stream().filter(this::mightSwitch).forEach(slot -> send(new ConsiderAutoSwitch(slot.deploymentId(),
                slot.worldId(), candidate, provider, discoveredAt, Actor.system())));
        SagaLifecycle.end();
    }

    private boolean mightSwitch(DeploymentView slot) {
        return slot.useCase() == UseCase.NARRATOR && slot.rollout() == null && slot.stable() != null
                && slot.stable().modelId().startsWith(provider + ":") && !slot.stable().equals(candidate);
    }

    /** A slot that declines (created later, busy, already decided) says why; that is no failure. */
    private void send(ConsiderAutoSwitch command) {
        SagaCommands.send(commandGateway, command,
                (name, why) -> log.debug("Auto-switch: {} does not consider {}: {}", command.deploymentId(), candidate.label(), why));
    }
}
