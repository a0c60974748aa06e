package io.storyteller.sagas.autoswitch;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.deployment.ArmMetrics;
import io.storyteller.domain.deployment.AutoSwitchConsidered;
import io.storyteller.domain.deployment.AutoSwitchDecided;
import io.storyteller.domain.deployment.DecideAutoSwitch;
import io.storyteller.domain.model.EvaluateModelByReplay;
import io.storyteller.domain.model.ModelEvaluated;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.sagas.dispatch.SagaCommands;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.SagaLifecycle;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Decides one (slot, candidate) pair of the paid-model auto-switch, from the slot's
 * {@link AutoSwitchConsidered} to its {@link AutoSwitchDecided}: it asks for a replay evaluation of
 * the candidate and of the stable model ({@link EvaluateModelByReplay}), waits for both
 * {@link ModelEvaluated} (associated by their evaluation ids), then sends {@link DecideAutoSwitch}
 * with both, the configured policy and the shadow-first strategy.
 * <p>
 * One deadline covers whatever is awaited (evaluations, or the decision): when it passes, what is
 * missing is asked for again, at most {@code evaluation-retries} times; then the saga gives up on
 * the pair and ends, logging why (the slot considered the candidate, so it is not taken up again).
 * The deadline is persisted, so a restart loses nothing: an evaluation lost with its node is asked
 * for again when the deadline fires.
 * <p>
 * Stored as JSON (its fields); the gateway, the deadline manager and the settings are injected.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class AutoSwitchSaga {

    /** The deadline's name. */
    public static final String AWAITING = "auto-switch-awaiting";
    private static final Logger log = LoggerFactory.getLogger(AutoSwitchSaga.class);

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient AutoSwitchSagaProperties settings;

    private String pair;
    private String deploymentId;
    private String worldId;
    private ModelRef candidate;
    private ModelRef stable;
    private String rolloutId;
    private ArmMetrics candidateEvaluation;
    private ArmMetrics stableEvaluation;
    /** 1 for the first request, one more per retry. */
    private int attempt;
    /** The pending deadline, null once it fired. */
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = AutoSwitchPair.PROPERTY, associationResolver = AutoSwitchPairResolver.class)
    void on(AutoSwitchConsidered event) {
        pair = AutoSwitchPair.of(event.deploymentId(), event.candidate());
        deploymentId = event.deploymentId();
        worldId = event.worldId();
        candidate = event.candidate();
        stable = event.stable();
        // the pair is decided once, so its rollout id may follow from it: a retried decision names the same rollout
        rolloutId = UUID.nameUUIDFromBytes(pair.getBytes(StandardCharsets.UTF_8)).toString();
        attempt = 1;
        askForWhatIsMissing();
    }

    @SagaEventHandler(associationProperty = AutoSwitchPair.EVALUATION)
    void on(ModelEvaluated event) {
        ModelRef evaluated = new ModelRef(event.modelId(), event.version());
        boolean wasMissing = candidateEvaluation == null || stableEvaluation == null;
        if (evaluated.equals(candidate) && candidateEvaluation == null) {
            candidateEvaluation = ReplayEvidence.armMetrics(event.metrics());
        } else if (evaluated.equals(stable) && stableEvaluation == null) {
            stableEvaluation = ReplayEvidence.armMetrics(event.metrics());
        }
        if (wasMissing && candidateEvaluation != null && stableEvaluation != null) {
            askForWhatIsMissing();
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = AutoSwitchPair.PROPERTY, associationResolver = AutoSwitchPairResolver.class)
    void on(AutoSwitchDecided event) {
        cancelDeadline();
        log.info("Auto-switch decided on {} for {}: {}", candidate.label(), deploymentId, event.rationale());
    }

    @DeadlineHandler(deadlineName = AWAITING)
    void timedOut(EvaluationDue due) {
        if (due.attempt() != attempt || deadlineId == null) {
            return; // superseded
        }
        deadlineId = null; // it fired: never cancel it
        String awaited = candidateEvaluation == null || stableEvaluation == null ? "the evaluations" : "the decision";
        if (attempt > settings.evaluationRetries()) {
            log.warn("Auto-switch gives up on {} for {}: no answer with {} after {} attempts of {} each", candidate.label(),
                    deploymentId, awaited, attempt, settings.evaluationTimeout());
            SagaLifecycle.end();
            return;
        }
        attempt++;
        log.info("Auto-switch on {} for {}: no answer with {} in time; asking again ({} of {})", candidate.label(),
                deploymentId, awaited, attempt, settings.evaluationRetries() + 1);
        askForWhatIsMissing();
    }

    /** Asks for the evaluations not yet in, or for the decision once both are, and waits for the answer. */
    private void askForWhatIsMissing() {
        cancelDeadline();
        deadlineId = deadlineManager.schedule(settings.evaluationTimeout(), AWAITING, new EvaluationDue(attempt));
        if (candidateEvaluation == null) {
            evaluate(candidate, "candidate");
        }
        if (stableEvaluation == null) {
            evaluate(stable, "stable");
        }
        if (candidateEvaluation != null && stableEvaluation != null) {
            send(new DecideAutoSwitch(deploymentId, candidate, candidateEvaluation, stableEvaluation, settings.policy(),
                    settings.strategy(), rolloutId, Actor.system()));
        }
    }

    private void evaluate(ModelRef model, String arm) {
        String evaluationId = pair + "/" + arm + "/" + attempt;
        SagaLifecycle.associateWith(AutoSwitchPair.EVALUATION, evaluationId);
        send(new EvaluateModelByReplay(model, worldId, evaluationId, Actor.system()));
    }

    private void cancelDeadline() {
        if (deadlineId != null) {
            deadlineManager.cancelSchedule(AWAITING, deadlineId);
            deadlineId = null;
        }
    }

    /** A refused or lost command is logged: the deadline asks again. */
    private void send(Object command) {
        SagaCommands.send(commandGateway, command,
                (name, why) -> log.warn("Auto-switch on {} for {}: {} {}", candidate.label(), deploymentId, name, why));
    }
}
