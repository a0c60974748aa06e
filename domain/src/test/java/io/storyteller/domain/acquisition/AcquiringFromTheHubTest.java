package io.storyteller.domain.acquisition;

import io.storyteller.domain.model.ModelRef;
import io.storyteller.domain.model.UseCase;
import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.shared.Rejected;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An acquisition records its steps once and in order, and refuses anything that could leave its directory. */
class AcquiringFromTheHubTest {

    static final String ID = "acq-1";
    static final String REPO = "tiny-org/tiny-decoder";
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";
    static final Actor ADMIN = new Actor("ada", Set.of(PlatformRole.PLATFORM_ADMIN));
    static final Actor MANAGER = new Actor("mona", Set.of(PlatformRole.MODEL_MANAGER));
    static final HubFile WEIGHTS = new HubFile("onnx/model.onnx", 2048, "ab".repeat(32), null);
    static final HubFile CONFIG = new HubFile("config.json", 12, null, "cd".repeat(20));
    static final ModelRef VERSION = new ModelRef("huggingface:" + REPO, COMMIT);

    private FixtureConfiguration<Acquisition> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Acquisition.class);
    }

    static HubAcquisitionRequested requested() {
        return new HubAcquisitionRequested(ID, REPO, "main", UseCase.NARRATOR, "ada");
    }

    static HubModelDownloaded downloaded() {
        return new HubModelDownloaded(ID, REPO, COMMIT, "apache-2.0", "text-generation", "onnx", null,
                List.of(WEIGHTS, CONFIG), REPO + "/" + COMMIT, 2060);
    }

    @Test
    void aPlatformAdminRequestsARepositoryAtARevision() {
        fixture.givenNoPriorActivity()
                .when(new RequestHubAcquisition(ID, " " + REPO + " ", null, UseCase.NARRATOR, ADMIN))
                .expectEvents(requested());
    }

    @Test
    void onlyPlatformAdminsAcquire() {
        fixture.givenNoPriorActivity()
                .when(new RequestHubAcquisition(ID, REPO, "main", null, MANAGER))
                .expectException(Rejected.forbidden("role:platform-admin"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../etc", "a/b/c", "/abs", "org/..", "org/.hidden", "org\\name", "org/"})
    void aRepositoryThatCouldLeaveTheDownloadDirectoryIsRefused(String repo) {
        fixture.givenNoPriorActivity()
                .when(new RequestHubAcquisition(ID, repo, "main", null, ADMIN))
                .expectException(Rejected.invalid("repo", "hub-repo"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"..", "refs/pr/1", "a..b"})
    void aRevisionIsOneDirectoryName(String revision) {
        fixture.givenNoPriorActivity()
                .when(new RequestHubAcquisition(ID, REPO, revision, null, ADMIN))
                .expectException(Rejected.invalid("revision", "hub-revision"));
    }

    @Test
    void theDownloadLivesUnderTheRepositoryAndItsCommit() {
        fixture.given(requested())
                .when(new RecordHubDownload(ID, COMMIT, "apache-2.0", "text-generation", "onnx", " ",
                        List.of(WEIGHTS, CONFIG), Actor.system()))
                .expectEvents(downloaded());
    }

    @ParameterizedTest
    @ValueSource(strings = {"../../escape.bin", "/etc/passwd", "onnx/../../x", "a//b", ".git/config", "onnx/"})
    void aHostileFilePathIsRefused(String path) {
        fixture.given(requested())
                .when(new RecordHubDownload(ID, COMMIT, null, null, null, null,
                        List.of(new HubFile(path, 1, "ab".repeat(32), null)), Actor.system()))
                .expectException(Rejected.invalid("files[0].path", "hub-path"));
    }

    @Test
    void aFileWithoutADigestCannotBeRecorded() {
        fixture.given(requested())
                .when(new RecordHubDownload(ID, COMMIT, null, null, null, null,
                        List.of(new HubFile("model.onnx", 1, null, null)), Actor.system()))
                .expectException(Rejected.invalid("files[0].sha256", "required"));
    }

    @Test
    void stepsFollowInOrderUntilTheEvaluationIsRequested() {
        fixture.given(requested(), downloaded(), new HubModelVerified(ID, "ef".repeat(32)))
                .when(new RecordAcquiredModel(ID, VERSION, Actor.system()))
                .expectEvents(new AcquiredModelRegistered(ID, VERSION));
        fixture.given(requested(), downloaded(), new HubModelVerified(ID, "ef".repeat(32)),
                        new AcquiredModelRegistered(ID, VERSION))
                .when(new RequestAcquiredModelEvaluation(ID, Actor.system()))
                .expectEvents(new AcquiredModelEvaluationRequested(ID, VERSION, UseCase.NARRATOR));
    }

    @Test
    void aStepIsRecordedOnce() {
        fixture.given(requested(), downloaded())
                .when(new RecordHubDownload(ID, COMMIT, null, null, null, null, List.of(WEIGHTS), Actor.system()))
                .expectException(Rejected.conflict("step", "step-order"));
    }

    @Test
    void verificationCannotComeBeforeTheDownload() {
        fixture.given(requested())
                .when(new RecordHubVerification(ID, "ef".repeat(32), Actor.system()))
                .expectException(Rejected.conflict("step", "step-order"));
    }

    @Test
    void aSetbackIsOfTheCurrentStep() {
        fixture.given(requested())
                .when(new ReportAcquisitionSetback(ID, AcquisitionStep.DOWNLOAD, "connection reset", Actor.system()))
                .expectEvents(new AcquisitionSetback(ID, AcquisitionStep.DOWNLOAD, "connection reset"));
        fixture.given(requested())
                .when(new ReportAcquisitionSetback(ID, AcquisitionStep.VERIFY, "late", Actor.system()))
                .expectException(Rejected.conflict("step", "current-step"));
    }

    @Test
    void aFailedAcquisitionAcceptsNothingMore() {
        fixture.given(requested(), new AcquisitionFailed(ID, AcquisitionStep.DOWNLOAD, "HTTP 401"))
                .when(new RecordHubDownload(ID, COMMIT, null, null, null, null, List.of(WEIGHTS), Actor.system()))
                .expectException(Rejected.conflict("acquisitionId", "open"));
        fixture.given(requested(), downloaded())
                .when(new FailAcquisition(ID, AcquisitionStep.VERIFY, "sha256 of onnx/model.onnx differs", Actor.system()))
                .expectEvents(new AcquisitionFailed(ID, AcquisitionStep.VERIFY, "sha256 of onnx/model.onnx differs"));
    }
}
