package io.storyteller.sagas.acquisition;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import io.storyteller.domain.acquisition.AcquiredModelEvaluationRequested;
import io.storyteller.domain.acquisition.AcquiredModelRegistered;
import io.storyteller.domain.acquisition.AcquisitionFailed;
import io.storyteller.domain.acquisition.AcquisitionSetback;
import io.storyteller.domain.acquisition.AcquisitionStep;
import io.storyteller.domain.acquisition.DownloadHubModel;
import io.storyteller.domain.acquisition.FailAcquisition;
import io.storyteller.domain.acquisition.HubAcquisitionRequested;
import io.storyteller.domain.acquisition.HubModelDownloaded;
import io.storyteller.domain.acquisition.HubModelVerified;
import io.storyteller.domain.acquisition.RecordAcquiredModelValidation;
import io.storyteller.domain.acquisition.RegisterHubModel;
import io.storyteller.domain.acquisition.RequestAcquiredModelEvaluation;
import io.storyteller.domain.acquisition.VerifyHubModel;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.validation.ValidateCandidate;
import io.storyteller.sagas.dispatch.SagaCommands;
import java.time.Duration;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.spring.stereotype.Saga;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Drives one acquisition: download → verify → register → request evaluation (a validation against
 * the use case's incumbent), each step's work
 * asked for by a command and its end recorded by the Acquisition as an event. A step with no
 * answer within {@code step-timeout}, or one that reported a setback (after {@code retry-delay}),
 * is asked for again — a download resumes its partial files — until {@code max-attempts}; then the
 * acquisition fails with the reason. Its state and deadlines are stored, so a restart loses nothing.
 */
@Saga
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE, setterVisibility = Visibility.NONE)
public class HubAcquisitionSaga {

    public static final String STEP_DUE = "hub-acquisition-step";
    private static final String ID = "acquisitionId";
    private static final Logger log = LoggerFactory.getLogger(HubAcquisitionSaga.class);

    @Autowired
    private transient CommandGateway commandGateway;
    @Autowired
    private transient DeadlineManager deadlineManager;
    @Autowired
    private transient AcquisitionSagaProperties settings;

    private String acquisitionId;
    private String repo;
    private String revision;
    private UseCase useCase;
    private HubModelDownloaded download;
    private String digest;
    private AcquisitionStep step;
    private int attempt;
    private String deadlineId;

    @StartSaga
    @SagaEventHandler(associationProperty = ID)
    void on(HubAcquisitionRequested event) {
        acquisitionId = event.acquisitionId();
        repo = event.repo();
        revision = event.revision();
        useCase = event.useCase();
        begin(AcquisitionStep.DOWNLOAD);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(HubModelDownloaded event) {
        download = event;
        begin(AcquisitionStep.VERIFY);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(HubModelVerified event) {
        digest = event.digest();
        begin(AcquisitionStep.REGISTER);
    }

    @SagaEventHandler(associationProperty = ID)
    void on(AcquiredModelRegistered event) {
        begin(AcquisitionStep.EVALUATE);
    }

    /**
     * The evaluation of an acquired version is its validation against what its use case's slot
     * serves: the validation is put on record first (so its result, whenever it comes, finds the
     * acquisition), then asked for. Without a use case there is no slot to compare with.
     */
    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(AcquiredModelEvaluationRequested event) {
        cancelDeadline();
        if (event.useCase() == null || event.model() == null) {
            return;
        }
        String validationId = validationId(acquisitionId);
        send(new RecordAcquiredModelValidation(acquisitionId, validationId, Actor.system()));
        send(new ValidateCandidate(validationId, event.model(), null, event.useCase(), null, null, Actor.system()));
    }

    /** One per acquisition, so a redelivered request is refused by the acquisition rather than validated twice. */
    static String validationId(String acquisitionId) {
        return acquisitionId + "-validation";
    }

    @EndSaga
    @SagaEventHandler(associationProperty = ID)
    void on(AcquisitionFailed event) {
        cancelDeadline();
    }

    /** The step failed in a way another attempt may mend: try again after a pause, or give up. */
    @SagaEventHandler(associationProperty = ID)
    void on(AcquisitionSetback event) {
        if (event.step() != step) {
            return;
        }
        if (attempt >= settings.maxAttempts()) {
            fail(event.reason() + " (after " + attempt + " attempts)");
            return;
        }
        schedule(settings.retryDelay());
    }

    @DeadlineHandler(deadlineName = STEP_DUE)
    void due(StepDue due) {
        if (due.attempt() != attempt) {
            return;
        }
        deadlineId = null;
        if (attempt >= settings.maxAttempts()) {
            fail(step + " did not finish in " + attempt + " attempts");
            return;
        }
        attempt++;
        ask();
    }

    private void begin(AcquisitionStep next) {
        cancelDeadline();
        step = next;
        attempt = 1;
        ask();
    }

    /** Sends the current step's work and waits for its answer at most {@code step-timeout}. */
    private void ask() {
        Object work = switch (step) {
            case DOWNLOAD -> new DownloadHubModel(acquisitionId, repo, revision, attempt);
            case VERIFY -> new VerifyHubModel(acquisitionId, download.directory(), download.files(), attempt);
            case REGISTER -> new RegisterHubModel(acquisitionId, download, digest, useCase, attempt);
            case EVALUATE -> new RequestAcquiredModelEvaluation(acquisitionId, Actor.system());
        };
        send(work);
        schedule(settings.stepTimeout());
    }

    private void fail(String reason) {
        cancelDeadline();
        send(new FailAcquisition(acquisitionId, step, reason, Actor.system()));
    }

    private void schedule(Duration after) {
        cancelDeadline();
        deadlineId = deadlineManager.schedule(after, STEP_DUE, new StepDue(attempt));
    }

    private void cancelDeadline() {
        if (deadlineId != null) {
            deadlineManager.cancelSchedule(STEP_DUE, deadlineId);
            deadlineId = null;
        }
    }

    private void send(Object command) {
        SagaCommands.send(commandGateway, command,
                (name, why) -> log.info("Acquisition {}: {} {}", acquisitionId, name, why));
    }
}
