package io.storyteller.query.acquisition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.acquisition.AcquiredModelEvaluationRequested;
import io.storyteller.domain.acquisition.AcquiredModelRegistered;
import io.storyteller.domain.acquisition.AcquiredModelValidationRequested;
import io.storyteller.domain.acquisition.AcquisitionFailed;
import io.storyteller.domain.acquisition.AcquisitionSetback;
import io.storyteller.domain.acquisition.AcquisitionStatus;
import io.storyteller.domain.acquisition.AcquisitionStep;
import io.storyteller.domain.acquisition.AcquisitionStepState;
import io.storyteller.domain.acquisition.AcquisitionValidation;
import io.storyteller.domain.acquisition.AcquisitionView;
import io.storyteller.domain.acquisition.FindAcquisition;
import io.storyteller.domain.acquisition.FindAcquisitions;
import io.storyteller.domain.acquisition.HubAcquisitionRequested;
import io.storyteller.domain.acquisition.HubFile;
import io.storyteller.domain.acquisition.HubModelDownloaded;
import io.storyteller.domain.acquisition.HubModelVerified;
import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.validation.ModelValidated;
import io.storyteller.projections.acquisition.AcquisitionProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Three acquisitions: acq-1 completed and validated (its validation's result arrived), acq-2 failed
 * at verification after a setback, acq-3 still downloading; each requested one event after the other.
 */
class AcquisitionQueriesTest {

    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final ModelRef VERSION = new ModelRef("huggingface:org/tiny", COMMIT);
    static final HubFile WEIGHTS = new HubFile("onnx/model.onnx", 2048, "ab".repeat(32), null);
    static final HubFile CONFIG = new HubFile("config.json", 12, null, "cd".repeat(20));
    static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    static final Actor MANAGER = new Actor("mona", Set.of(PlatformRole.MODEL_MANAGER));

    static ReadModelDatabase db = ReadModelDatabase.start();
    EventLog log;
    AcquisitionProjection projection;
    AcquisitionQueries queries;

    @BeforeEach
    void load() {
        db.clear();
        log = new EventLog();
        projection = new AcquisitionProjection(db.jdbc());
        queries = new AcquisitionQueries(db.jdbc());
        log.acquisition("acq-1", new HubAcquisitionRequested("acq-1", "org/tiny", "main", UseCase.NARRATOR, "ada"));
        log.acquisition("acq-2", new HubAcquisitionRequested("acq-2", "org/broken", "v1", UseCase.DETECTOR, "ada"));
        log.acquisition("acq-3", new HubAcquisitionRequested("acq-3", "org/slow", "main", null, "ada"));
        log.acquisition("acq-1",
                new HubModelDownloaded("acq-1", "org/tiny", COMMIT, "apache-2.0", "text-generation", "onnx", null,
                        List.of(WEIGHTS, CONFIG), "org/tiny/" + COMMIT, 2060),
                new HubModelVerified("acq-1", "ef".repeat(32)),
                new AcquiredModelRegistered("acq-1", VERSION),
                new AcquiredModelEvaluationRequested("acq-1", VERSION, UseCase.NARRATOR),
                new AcquiredModelValidationRequested("acq-1", "acq-1-validation", VERSION, UseCase.NARRATOR));
        log.acquisition("acq-2",
                new HubModelDownloaded("acq-2", "org/broken", COMMIT, "mit", null, null, null, List.of(WEIGHTS),
                        "org/broken/" + COMMIT, 2048),
                new AcquisitionSetback("acq-2", AcquisitionStep.VERIFY, "file busy"),
                new AcquisitionFailed("acq-2", AcquisitionStep.VERIFY, "sha256 of onnx/model.onnx differs"));
        log.model(VERSION.modelId(), new ModelValidated(VERSION.modelId(), COMMIT, "acq-1-validation", "narrator-replay",
                new ModelRef("openai:gpt-4o-mini", "1"), true, List.of(), 7, 2, 3, List.of(), List.of(), "system"),
                new ModelValidated(VERSION.modelId(), COMMIT, "someone-elses", "narrator-replay", null, false, List.of(),
                        0, 9, 0, List.of(), List.of("review.score below threshold"), "system"));
        log.deliver(projection);
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void aCompletedAcquisitionShowsItsStepsFilesDigestLicenseModelAndValidation() {
        AcquisitionView view = queries.handle(new FindAcquisition("acq-1", ADMIN)).orElseThrow();

        assertThat(view.status()).isEqualTo(AcquisitionStatus.COMPLETED);
        assertThat(view.commit()).isEqualTo(COMMIT);
        assertThat(view.license()).isEqualTo("apache-2.0");
        assertThat(view.task()).isEqualTo("text-generation");
        assertThat(view.files()).containsExactly(WEIGHTS, CONFIG);
        assertThat(view.totalBytes()).isEqualTo(2060L);
        assertThat(view.digest()).isEqualTo("ef".repeat(32));
        assertThat(view.model()).isEqualTo(VERSION);
        assertThat(view.requestedAt()).isEqualTo(EventLog.timeOf(0));
        assertThat(view.steps()).extracting(AcquisitionStepState::state).containsExactly("DONE", "DONE", "DONE", "DONE");
        assertThat(view.steps()).extracting(AcquisitionStepState::at)
                .containsExactly(EventLog.timeOf(3), EventLog.timeOf(4), EventLog.timeOf(5), EventLog.timeOf(6));
        assertThat(view.validation()).isEqualTo(new AcquisitionValidation("acq-1-validation", true, 7, 2, 3, List.of(),
                EventLog.timeOf(7), EventLog.timeOf(11)));
    }

    @Test
    void aFailedAcquisitionNamesItsStepReasonAndLastSetback() {
        AcquisitionView view = queries.handle(new FindAcquisition("acq-2", ADMIN)).orElseThrow();

        assertThat(view.status()).isEqualTo(AcquisitionStatus.FAILED);
        assertThat(view.failedStep()).isEqualTo(AcquisitionStep.VERIFY);
        assertThat(view.failureReason()).isEqualTo("sha256 of onnx/model.onnx differs");
        assertThat(view.lastSetback()).isEqualTo("VERIFY: file busy");
        assertThat(view.steps()).extracting(AcquisitionStepState::state).containsExactly("DONE", "FAILED", "PENDING", "PENDING");
        assertThat(view.validation()).isNull();
        assertThat(view.model()).isNull();
    }

    @Test
    void theListIsNewestFirstAndFiltersByStatusAndUseCase() {
        assertThat(queries.handle(new FindAcquisitions(10, ADMIN))).extracting(AcquisitionView::acquisitionId)
                .containsExactly("acq-3", "acq-2", "acq-1");
        assertThat(queries.handle(new FindAcquisitions(2, ADMIN))).extracting(AcquisitionView::acquisitionId)
                .containsExactly("acq-3", "acq-2");
        assertThat(queries.handle(new FindAcquisitions(10, ADMIN, AcquisitionStatus.IN_PROGRESS, null)))
                .extracting(AcquisitionView::acquisitionId).containsExactly("acq-3");
        assertThat(queries.handle(new FindAcquisitions(10, ADMIN, null, UseCase.NARRATOR)))
                .extracting(AcquisitionView::acquisitionId).containsExactly("acq-1");
        assertThat(queries.handle(new FindAcquisition("nope", ADMIN))).isEmpty();
    }

    @Test
    void aRedeliveredLogLeavesTheSameRowsAndAReplayRebuildsThem() {
        List<AcquisitionView> before = queries.handle(new FindAcquisitions(10, ADMIN));

        log.redeliverAll(projection);
        assertThat(queries.handle(new FindAcquisitions(10, ADMIN))).isEqualTo(before);
        log.replay(projection);
        assertThat(queries.handle(new FindAcquisitions(10, ADMIN))).isEqualTo(before);
    }

    @Test
    void onlyPlatformAdminsReadAcquisitions() {
        assertThatThrownBy(() -> queries.handle(new FindAcquisitions(10, MANAGER))).isInstanceOf(DomainRejection.class)
                .hasMessageContaining("only platform admins");
        assertThatThrownBy(() -> queries.handle(new FindAcquisition("acq-1", MANAGER))).isInstanceOf(DomainRejection.class);
        assertThatThrownBy(() -> queries.handle(new FindAcquisitions(0, ADMIN))).isInstanceOf(DomainRejection.class)
                .hasMessageContaining("first must be between 1 and 100");
    }
}
