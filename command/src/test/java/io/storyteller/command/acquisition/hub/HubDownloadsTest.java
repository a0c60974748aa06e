package io.storyteller.command.acquisition.hub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.storyteller.domain.acquisition.AcquisitionStep;
import io.storyteller.domain.acquisition.DownloadHubModel;
import io.storyteller.domain.acquisition.FailAcquisition;
import io.storyteller.domain.acquisition.HubFile;
import io.storyteller.domain.acquisition.RecordHubDownload;
import io.storyteller.domain.acquisition.RecordHubVerification;
import io.storyteller.domain.acquisition.ReportAcquisitionSetback;
import io.storyteller.domain.acquisition.VerifyHubModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloading and verifying against a Hub on localhost: resume, checksums, gated repositories, hostile answers. */
class HubDownloadsTest {

    static final String REPO = "tiny-org/tiny-decoder";

    @TempDir
    Path dataDir;

    private LocalHub hub;
    private final List<Object> answers = new CopyOnWriteArrayList<>();
    private CommandGateway commands;

    @BeforeEach
    void setUp() throws Exception {
        hub = new LocalHub();
        commands = mock(CommandGateway.class);
        when(commands.send(any())).thenAnswer(call -> {
            answers.add(call.getArgument(0));
            return CompletableFuture.completedFuture(null);
        });
    }

    @AfterEach
    void tearDown() {
        hub.close();
    }

    private HubDownloads downloads(String token) {
        HubProperties properties = HubProperties.of(hub.baseUrl(), token);
        return new HubDownloads(new HubClient(properties), DownloadRoot.under(dataDir), properties,
                new AcquisitionWork(commands, 1, "test-download"));
    }

    private HubVerification verification() {
        return new HubVerification(DownloadRoot.under(dataDir), new AcquisitionWork(commands, 1, "test-verify"));
    }

    private Object answerTo(Runnable command) {
        int before = answers.size();
        command.run();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (answers.size() <= before && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(answers).as("an answer to the work").hasSizeGreaterThan(before);
        return answers.get(before);
    }

    private Path directory() {
        return dataDir.resolve("models/hub").resolve(REPO).resolve(LocalHub.COMMIT);
    }

    @Test
    void aDownloadCutOffMidFileResumesWhereItStopped() throws Exception {
        LocalHub.Repo repo = hub.add(REPO, 200_000, "apache-2.0", false);
        hub.cutAfter = 70_000;
        HubDownloads downloads = downloads(null);

        Object first = answerTo(() -> downloads.handle(new DownloadHubModel("a1", REPO, "main", 1)));
        assertThat(first).isInstanceOfSatisfying(ReportAcquisitionSetback.class, setback -> {
            assertThat(setback.step()).isEqualTo(AcquisitionStep.DOWNLOAD);
            assertThat(setback.reason()).contains("onnx/model.onnx").contains("resumes");
        });
        Path part = directory().resolve("onnx/model.onnx.part");
        // The server cuts after 70,000 bytes; how many of them arrive before the connection drops is the network's affair.
        long kept = Files.size(part);
        assertThat(kept).isPositive().isLessThanOrEqualTo(70_000);

        Object second = answerTo(() -> downloads.handle(new DownloadHubModel("a1", REPO, "main", 2)));
        assertThat(second).isInstanceOfSatisfying(RecordHubDownload.class, download -> {
            assertThat(download.commit()).isEqualTo(LocalHub.COMMIT);
            assertThat(download.license()).isEqualTo("apache-2.0");
            assertThat(download.files()).extracting(HubFile::path).containsExactly("config.json", "onnx/model.onnx");
            assertThat(download.files().get(1).sha256()).isEqualTo(LocalHub.sha256(repo.weights()));
        });
        assertThat(hub.ranges).contains("bytes=" + kept + "-");
        assertThat(Files.readAllBytes(directory().resolve("onnx/model.onnx"))).isEqualTo(repo.weights());
        assertThat(part).doesNotExist();
        assertThat(directory().resolve(".gitattributes")).as("git's own files are not the model's").doesNotExist();
    }

    @Test
    void verifiedFilesAnswerTheManifestDigest() {
        hub.add(REPO, 5_000, "mit", false);
        RecordHubDownload download = (RecordHubDownload) answerTo(() -> downloads(null).handle(new DownloadHubModel("a2", REPO, "main", 1)));

        Object verified = answerTo(() -> verification().handle(new VerifyHubModel("a2", REPO + "/" + LocalHub.COMMIT,
                download.files(), 1)));

        assertThat(verified).isEqualTo(new RecordHubVerification("a2", FileDigests.manifest(download.files()),
                io.storyteller.domain.shared.Actor.system()));
    }

    @Test
    void aFileWhoseChecksumDiffersIsDeletedAndTheAcquisitionFails() {
        hub.add(REPO, 5_000, "mit", false);
        hub.advertiseWrongDigest(REPO);
        RecordHubDownload download = (RecordHubDownload) answerTo(() -> downloads(null).handle(new DownloadHubModel("a3", REPO, "main", 1)));

        Object verdict = answerTo(() -> verification().handle(new VerifyHubModel("a3", REPO + "/" + LocalHub.COMMIT,
                download.files(), 1)));

        assertThat(verdict).isInstanceOfSatisfying(FailAcquisition.class, failure -> {
            assertThat(failure.step()).isEqualTo(AcquisitionStep.VERIFY);
            assertThat(failure.reason()).contains("SHA-256 of onnx/model.onnx differs");
        });
        assertThat(directory().resolve("onnx/model.onnx")).doesNotExist();
        assertThat(directory().resolve("config.json")).exists();
    }

    @Test
    void aGatedRepositoryIsRefusedWithoutTheTokenAndServedWithIt() {
        hub.add(REPO, 5_000, "llama3.1", true);

        Object refused = answerTo(() -> downloads(null).handle(new DownloadHubModel("a4", REPO, "main", 1)));
        assertThat(refused).isInstanceOfSatisfying(FailAcquisition.class, failure ->
                assertThat(failure.reason()).contains("HTTP 401").contains("storyteller.hub.token"));

        Object served = answerTo(() -> downloads(LocalHub.TOKEN).handle(new DownloadHubModel("a5", REPO, "main", 1)));
        assertThat(served).isInstanceOf(RecordHubDownload.class);
        assertThat(hub.authorizations).contains("Bearer " + LocalHub.TOKEN);
        assertThat(answers).allSatisfy(answer -> assertThat(answer.toString()).doesNotContain(LocalHub.TOKEN));
        assertThat(HubProperties.of(hub.baseUrl(), LocalHub.TOKEN).toString()).doesNotContain(LocalHub.TOKEN);
    }

    @Test
    void aHostileAnswerCannotWriteOutsideTheDownloadDirectory() {
        hub.add(REPO, 5_000, "mit", false);
        hub.extraPath = "../../../escaped.txt";

        Object refused = answerTo(() -> downloads(null).handle(new DownloadHubModel("a6", REPO, "main", 1)));

        assertThat(refused).isInstanceOfSatisfying(FailAcquisition.class, failure ->
                assertThat(failure.reason()).contains("refused"));
        assertThat(dataDir.resolve("escaped.txt")).doesNotExist();
        assertThat(dataDir.resolve("models/escaped.txt")).doesNotExist();
        assertThat(directory()).doesNotExist();
    }

    @Test
    void aRepositoryOverTheSizeLimitIsNotDownloaded() {
        hub.add(REPO, 5_000, "mit", false);
        HubProperties small = new HubProperties(hub.baseUrl(), null, Duration.ofSeconds(5), Duration.ofSeconds(5),
                List.of("mit"), org.springframework.util.unit.DataSize.ofBytes(1_000), 1);
        HubDownloads downloads = new HubDownloads(new HubClient(small), DownloadRoot.under(dataDir), small,
                new AcquisitionWork(commands, 1, "test-download"));

        Object refused = answerTo(() -> downloads.handle(new DownloadHubModel("a7", REPO, "main", 1)));

        assertThat(refused).isInstanceOfSatisfying(FailAcquisition.class, failure ->
                assertThat(failure.reason()).contains("storyteller.hub.max-size"));
        assertThat(directory()).doesNotExist();
    }
}
