package io.storyteller.sagas.finetuning;

import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import com.fasterxml.jackson.annotation.JsonAutoDetect;
import io.storyteller.domain.deployment.DeploymentIds;
import io.storyteller.domain.deployment.RolloutStrategy;
import io.storyteller.domain.deployment.StartRollout;
import io.storyteller.domain.finetuning.ExportFineTuningDataset;
import io.storyteller.domain.finetuning.FailFineTuning;
import io.storyteller.domain.finetuning.FineTuningCancelled;
import io.storyteller.domain.finetuning.FineTuningDataset;
import io.storyteller.domain.finetuning.FineTuningDatasetExported;
import io.storyteller.domain.finetuning.FineTuningFailed;
import io.storyteller.domain.finetuning.FineTuningRejected;
import io.storyteller.domain.finetuning.FineTuningRequested;
import io.storyteller.domain.finetuning.FineTuningRolloutStarted;
import io.storyteller.domain.finetuning.FineTuningSetback;
import io.storyteller.domain.finetuning.FineTuningStep;
import io.storyteller.domain.finetuning.FineTuningTrainingCompleted;
import io.storyteller.domain.finetuning.FineTuningValidated;
import io.storyteller.domain.finetuning.PromotionRule;
import io.storyteller.domain.finetuning.RecordCandidateValidation;
import io.storyteller.domain.finetuning.RequestCandidateValidation;
import io.storyteller.domain.finetuning.StopFineTuningTraining;
import io.storyteller.domain.finetuning.TrainFineTuningCandidate;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.validation.ModelValidated;
import io.storyteller.domain.validation.ValidateCandidate;
import io.storyteller.sagas.dispatch.SagaCommands;
import java.time.Duration;
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
 * Drives one fine-tuning: export → train → validate → roll out. Each step's work is asked for by a
 * command and its end recorded on the FineTuning as an event; each step has a stored deadline. A
 * step with no answer within its timeout, or one that reported a retryable setback (after
 * {@code retry-delay}), is asked for again until {@code max-attempts}; then the fine-tuning fails
 * with the step and the reason. Every validation attempt has a fresh id the saga is associated with,
 * so a late answer to an earlier attempt is ignored. Its state is stored, so a restart loses nothing.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class FineTuningSaga {

    public static final String STEP_DUE = "fine-tuning-step";
    private static final String ID = "fineTuningId";
    private static final Logger log = LoggerFactory.getLogger(FineTuningSaga.class);

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient FineTuningProperties settings;

    private FineTuningRequested request;
    private FineTuningDataset dataset;
    private ModelRef candidate;
    private String validationId;
    private FineTuningStep step;
    private int attempt;
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = ID)
    void on(FineTuningRequested event) {
        request = event;
        begin(FineTuningStep.EXPORT);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(FineTuningDatasetExported event) {
        dataset = event.dataset();
        begin(FineTuningStep.TRAIN);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(FineTuningTrainingCompleted event) {
        candidate = event.candidate();
        begin(FineTuningStep.VALIDATE);
    }

    /** Only the answer to the latest validation attempt counts; the decision is recorded on the FineTuning. */
    @SagaEventHandler(associationProperty = "validationId")
    void on(ModelValidated event) {
        if (step != FineTuningStep.VALIDATE || !event.validationId().equals(validationId)) {
            return;
        }
        double margin = request.margin() == null ? settings.defaultMargin() : request.margin();
        send(new RecordCandidateValidation(request.fineTuningId(), PromotionRule.decide(event, margin), Actor.system()));
    }

    /** A promoted candidate is rolled out; a rejected one ends with {@link FineTuningRejected}. */
    @SagaEventHandler(associationProperty = ID)
    void on(FineTuningValidated event) {
        if (event.decision().promote()) {
            begin(FineTuningStep.ROLLOUT);
        }
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(FineTuningRolloutStarted event) {
        cancelDeadline();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(FineTuningRejected event) {
        cancelDeadline();
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(FineTuningFailed event) {
        cancelDeadline();
    }

    /** A running training is interrupted; whatever else is in flight is refused by the ended FineTuning. */
    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(FineTuningCancelled event) {
        cancelDeadline();
        if (step == FineTuningStep.TRAIN) {
            send(new StopFineTuningTraining(request.fineTuningId()));
        }
    }

    /** The step failed: try again after a pause if another attempt may mend it, else give up with the reason. */
    @SagaEventHandler(associationProperty = ID)
    void on(FineTuningSetback event) {
        if (event.step() != step || event.attempt() != attempt) {
            return;
        }
        if (!event.retryable() || attempt >= settings.maxAttempts()) {
            fail(event.reason());
            return;
        }
        schedule(settings.retryDelay());
    }

    @DeadlineHandler(deadlineName = STEP_DUE)
    void due(FineTuningDue due) {
        if (due.step() != step || due.attempt() != attempt) {
            return;
        }
        deadlineId = null;
        if (attempt >= settings.maxAttempts()) {
            fail(step + " had no answer within " + timeout(step).toString().substring(2).toLowerCase());
            return;
        }
        attempt++;
        ask();
    }

    private void begin(FineTuningStep next) {
        cancelDeadline();
        step = next;
        attempt = 1;
        ask();
    }

    /** Sends the current step's work and waits for its answer at most the step's timeout. */
    private void ask() {
        String id = request.fineTuningId();
        switch (step) {
            case EXPORT -> send(new ExportFineTuningDataset(id, request.dataset(), attempt, settings.exportTimeout()));
            case TRAIN -> send(new TrainFineTuningCandidate(id, request.base(), request.useCase(), request.backend(), dataset,
                    request.hyperParameters(), settings.trainingTimeout(), attempt));
            case VALIDATE -> {
                validationId = id + ":validation:" + attempt;
                SagaLifecycle.associateWith("validationId", validationId);
                send(new RequestCandidateValidation(id, validationId, attempt, Actor.system()));
                send(new ValidateCandidate(validationId, candidate, null, request.useCase(), null, request.worldId(),
                        Actor.system(), HoldoutItems.of(request.useCase(), dataset).orElse(null)));
            }
            case ROLLOUT -> roll();
        }
        schedule(timeout(step));
    }

    /** Asks the slot for a shadow-first rollout; a slot that refuses (none, or one busy) is why not. */
    private void roll() {
        String slot = DeploymentIds.of(request.useCase(), request.worldId());
        RolloutStrategy strategy = request.rollout() == null ? settings.rollout().strategy() : request.rollout();
        StartRollout start = new StartRollout(slot, request.fineTuningId() + ":rollout", candidate, strategy,
                "fine-tuning " + request.fineTuningId() + " of " + request.base().label(), Actor.system());
        FineTuningRollouts.start(commandGateway, request.fineTuningId(), start, attempt,
                (name, why) -> log.info("Fine-tuning {}: {} {}", request.fineTuningId(), name, why));
    }

    private Duration timeout(FineTuningStep of) {
        return switch (of) {
            case EXPORT -> settings.exportTimeout();
            case TRAIN -> settings.trainingTimeout();
            case VALIDATE -> settings.validationTimeout();
            case ROLLOUT -> settings.rolloutTimeout();
        };
    }

    private void fail(String reason) {
        cancelDeadline();
        send(new FailFineTuning(request.fineTuningId(), step, reason, attempt, Actor.system()));
    }

    private void schedule(Duration after) {
        cancelDeadline();
        deadlineId = deadlineManager.schedule(after, STEP_DUE, new FineTuningDue(step, attempt));
    }

    private void cancelDeadline() {
        if (deadlineId != null) {
            deadlineManager.cancelSchedule(STEP_DUE, deadlineId);
            deadlineId = null;
        }
    }

    private void send(Object command) {
        SagaCommands.send(commandGateway, command,
                (name, why) -> log.info("Fine-tuning {}: {} {}", request.fineTuningId(), name, why));
    }
}
