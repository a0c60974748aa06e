package io.storyteller.sagas.acquisition;

import io.storyteller.domain.acquisition.AcquiredModelEvaluationRequested;
import io.storyteller.domain.acquisition.AcquiredModelRegistered;
import io.storyteller.domain.acquisition.AcquisitionFailed;
import io.storyteller.domain.acquisition.AcquisitionSetback;
import io.storyteller.domain.acquisition.AcquisitionStep;
import io.storyteller.domain.acquisition.DownloadHubModel;
import io.storyteller.domain.acquisition.FailAcquisition;
import io.storyteller.domain.acquisition.HubAcquisitionRequested;
import io.storyteller.domain.acquisition.HubFile;
import io.storyteller.domain.acquisition.HubModelDownloaded;
import io.storyteller.domain.acquisition.HubModelVerified;
import io.storyteller.domain.acquisition.RecordAcquiredModelValidation;
import io.storyteller.domain.acquisition.RegisterHubModel;
import io.storyteller.domain.acquisition.RequestAcquiredModelEvaluation;
import io.storyteller.domain.acquisition.VerifyHubModel;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.validation.ValidateCandidate;
import java.time.Duration;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.test.saga.SagaTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The acquisition saga asks for each step in turn, retries what may be mended, and gives up with a reason. */
class HubAcquisitionSagaTest {

    static final String ID = "acq-1";
    static final String REPO = "tiny-org/tiny-decoder";
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final AcquisitionSagaProperties SETTINGS = new AcquisitionSagaProperties(Duration.ofHours(2),
            Duration.ofSeconds(30), 3);
    static final HubAcquisitionRequested REQUESTED = new HubAcquisitionRequested(ID, REPO, "main", UseCase.NARRATOR, "ada");
    static final HubModelDownloaded DOWNLOADED = new HubModelDownloaded(ID, REPO, COMMIT, "apache-2.0",
            "text-generation", "onnx", null, List.of(new HubFile("model.onnx", 10, "ab".repeat(32), null)),
            REPO + "/" + COMMIT, 10);
    static final String DIGEST = "ef".repeat(32);
    static final ModelRef VERSION = new ModelRef("huggingface:" + REPO, COMMIT);

    private SagaTestFixture<HubAcquisitionSaga> fixture;

    @BeforeEach
    void setUp() {
        fixture = new SagaTestFixture<>(HubAcquisitionSaga.class);
        fixture.registerResource(SETTINGS);
        fixture.registerCommandGateway(CommandGateway.class);
    }

    @Test
    void aRequestAsksForTheDownloadWithADeadline() {
        fixture.givenNoPriorActivity()
                .whenAggregate(ID).publishes(REQUESTED)
                .expectActiveSagas(1)
                .expectDispatchedCommands(new DownloadHubModel(ID, REPO, "main", 1))
                .expectScheduledDeadlineWithName(Duration.ofHours(2), HubAcquisitionSaga.STEP_DUE);
    }

    @Test
    void eachRecordedStepAsksForTheNext() {
        fixture.givenAggregate(ID).published(REQUESTED)
                .whenAggregate(ID).publishes(DOWNLOADED)
                .expectDispatchedCommands(new VerifyHubModel(ID, REPO + "/" + COMMIT, DOWNLOADED.files(), 1));
        fixture.givenAggregate(ID).published(REQUESTED, DOWNLOADED)
                .whenAggregate(ID).publishes(new HubModelVerified(ID, DIGEST))
                .expectDispatchedCommands(new RegisterHubModel(ID, DOWNLOADED, DIGEST, UseCase.NARRATOR, 1));
        fixture.givenAggregate(ID).published(REQUESTED, DOWNLOADED, new HubModelVerified(ID, DIGEST))
                .whenAggregate(ID).publishes(new AcquiredModelRegistered(ID, VERSION))
                .expectDispatchedCommands(new RequestAcquiredModelEvaluation(ID, Actor.system()));
    }

    @Test
    void theEvaluationRequestRecordsAndAsksForAValidationAgainstTheSlotsIncumbentAndEndsTheAcquisition() {
        fixture.givenAggregate(ID).published(REQUESTED, DOWNLOADED, new HubModelVerified(ID, DIGEST),
                        new AcquiredModelRegistered(ID, VERSION))
                .whenAggregate(ID).publishes(new AcquiredModelEvaluationRequested(ID, VERSION, UseCase.NARRATOR))
                .expectDispatchedCommands(new RecordAcquiredModelValidation(ID, ID + "-validation", Actor.system()),
                        new ValidateCandidate(ID + "-validation", VERSION, null, UseCase.NARRATOR, null, null, Actor.system()))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines();
    }

    @Test
    void withoutAUseCaseThereIsNoSlotToValidateAgainst() {
        fixture.givenAggregate(ID).published(new HubAcquisitionRequested(ID, REPO, "main", null, "ada"), DOWNLOADED,
                        new HubModelVerified(ID, DIGEST), new AcquiredModelRegistered(ID, VERSION))
                .whenAggregate(ID).publishes(new AcquiredModelEvaluationRequested(ID, VERSION, null))
                .expectNoDispatchedCommands()
                .expectActiveSagas(0);
    }

    @Test
    void aSetbackIsTriedAgainAfterThePauseAndTheDownloadResumes() {
        fixture.givenAggregate(ID).published(REQUESTED,
                        new AcquisitionSetback(ID, AcquisitionStep.DOWNLOAD, "the download was cut off"))
                .whenTimeElapses(Duration.ofSeconds(31))
                .expectDispatchedCommands(new DownloadHubModel(ID, REPO, "main", 2))
                .expectActiveSagas(1);
    }

    @Test
    void aStepWithNoAnswerIsAskedForAgainAtItsDeadline() {
        fixture.givenAggregate(ID).published(REQUESTED, DOWNLOADED)
                .whenTimeElapses(Duration.ofHours(2).plusSeconds(1))
                .expectDispatchedCommands(new VerifyHubModel(ID, REPO + "/" + COMMIT, DOWNLOADED.files(), 2));
    }

    @Test
    void afterTheLastAttemptTheAcquisitionFailsWithTheReason() throws Exception {
        AcquisitionSetback cut = new AcquisitionSetback(ID, AcquisitionStep.DOWNLOAD, "the download was cut off");
        fixture.givenAggregate(ID).published(REQUESTED, cut)
                .andThenTimeElapses(Duration.ofSeconds(31))
                .andThenAggregate(ID).published(cut)
                .andThenTimeElapses(Duration.ofSeconds(31))
                .whenAggregate(ID).publishes(cut)
                .expectDispatchedCommands(new FailAcquisition(ID, AcquisitionStep.DOWNLOAD,
                        "the download was cut off (after 3 attempts)", Actor.system()))
                .expectNoScheduledDeadlines();
    }

    @Test
    void aFailureEndsTheAcquisition() {
        fixture.givenAggregate(ID).published(REQUESTED)
                .whenAggregate(ID).publishes(new AcquisitionFailed(ID, AcquisitionStep.DOWNLOAD, "HTTP 401"))
                .expectActiveSagas(0)
                .expectNoScheduledDeadlines()
                .expectNoDispatchedCommands();
    }
}
