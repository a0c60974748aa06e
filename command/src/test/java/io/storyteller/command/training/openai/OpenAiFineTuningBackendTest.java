package io.storyteller.command.training.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.storyteller.command.endpoint.ProviderKind;
import io.storyteller.command.training.TrainingFailedException;
import io.storyteller.command.training.TrainingJob;
import io.storyteller.command.training.TrainingOutcome;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The OpenAI fine-tuning backend against a local server speaking the fine-tuning API. */
class OpenAiFineTuningBackendTest {

    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    @TempDir
    Path dir;

    private OpenAiFineTuningBackend backend() {
        return new OpenAiFineTuningBackend(FineTuningJobs.endpoint("tuner", server.baseUrl(), ProviderKind.OPENAI),
                FineTuningJobs.fastPolling());
    }

    private void filesAndJobAreAccepted() {
        server.stubFor(post("/v1/files").withRequestBody(containing("sft-train.jsonl"))
                .willReturn(okJson("{\"id\":\"file-train\",\"object\":\"file\"}")));
        server.stubFor(post("/v1/files").withRequestBody(containing("sft-holdout.jsonl"))
                .willReturn(okJson("{\"id\":\"file-holdout\",\"object\":\"file\"}")));
        server.stubFor(post("/v1/fine_tuning/jobs").willReturn(okJson("{\"id\":\"ftjob-1\",\"status\":\"validating_files\"}")));
    }

    @Test
    void aSucceededJobAnswersTheFineTunedModelWithItsMetricsAndJobId() throws Exception {
        filesAndJobAreAccepted();
        server.stubFor(get("/v1/fine_tuning/jobs/ftjob-1").inScenario("job").whenScenarioStateIs(STARTED)
                .willReturn(okJson("{\"id\":\"ftjob-1\",\"status\":\"running\",\"created_at\":1000}"))
                .willSetStateTo("done"));
        server.stubFor(get("/v1/fine_tuning/jobs/ftjob-1").inScenario("job").whenScenarioStateIs("done")
                .willReturn(okJson("""
                        {"id":"ftjob-1","status":"succeeded","fine_tuned_model":"ft:gpt-4o-mini:acme:noir:abc123",
                         "trained_tokens":5400,"created_at":1000,"finished_at":1600}""")));
        server.stubFor(get(urlPathEqualTo("/v1/fine_tuning/jobs/ftjob-1/events")).willReturn(okJson("""
                {"object":"list","data":[
                  {"object":"fine_tuning.job.event","type":"message","message":"done","data":{}},
                  {"object":"fine_tuning.job.event","type":"metrics","message":"Step 30/30",
                   "data":{"step":30,"total_steps":30,"train_loss":0.42,"valid_loss":0.51}}]}""")));
        List<String> stages = new CopyOnWriteArrayList<>();

        TrainingOutcome outcome = backend().train(FineTuningJobs.narratorJob(dir, "tuner",
                Map.of("epochs", "3", "learning_rate_multiplier", "0.5", "suffix", "noir", "temperature", "9")),
                (stage, fraction) -> stages.add(stage));

        assertThat(outcome.providerModel()).isEqualTo("ft:gpt-4o-mini:acme:noir:abc123");
        assertThat(outcome.artifactDirectory()).isNull();
        assertThat(outcome.externalJobId()).isEqualTo("ftjob-1");
        assertThat(outcome.metrics()).containsEntry("trained_tokens", 5400.0).containsEntry("seconds", 600.0)
                .containsEntry("train_loss", 0.42).containsEntry("valid_loss", 0.51).containsEntry("step", 30.0);
        assertThat(stages).contains("uploading", "queued", "running");
        server.verify(postRequestedFor(urlEqualTo("/v1/files"))
                .withHeader("Authorization", equalTo("Bearer " + FineTuningJobs.KEY))
                .withHeader("Content-Type", containing("multipart/form-data"))
                .withRequestBody(containing("name=\"purpose\"\r\n\r\nfine-tune")));
        server.verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs")).withRequestBody(equalToJson("""
                {"model":"gpt-4o-mini","training_file":"file-train","validation_file":"file-holdout",
                 "hyperparameters":{"n_epochs":3,"learning_rate_multiplier":0.5},"suffix":"noir"}""")));
    }

    @Test
    void aFailedJobFailsTheTrainingWithTheProvidersReason() throws Exception {
        filesAndJobAreAccepted();
        server.stubFor(get("/v1/fine_tuning/jobs/ftjob-1").willReturn(okJson("""
                {"id":"ftjob-1","status":"failed","fine_tuned_model":null,
                 "error":{"code":"invalid_training_file","message":"Line 3 has no assistant message","param":"training_file"}}""")));

        assertThatThrownBy(() -> backend().train(FineTuningJobs.narratorJob(dir, "tuner", Map.of()), (s, f) -> { }))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessage("remote job ftjob-1 failed: Line 3 has no assistant message");
    }

    @Test
    void anInterruptedTrainingCancelsTheRemoteJob() throws Exception {
        filesAndJobAreAccepted();
        server.stubFor(get("/v1/fine_tuning/jobs/ftjob-1").willReturn(okJson("{\"id\":\"ftjob-1\",\"status\":\"queued\"}")));
        server.stubFor(post("/v1/fine_tuning/jobs/ftjob-1/cancel")
                .willReturn(okJson("{\"id\":\"ftjob-1\",\"status\":\"cancelled\"}")));
        TrainingJob job = FineTuningJobs.narratorJob(dir, "tuner", Map.of());
        List<String> stages = new CopyOnWriteArrayList<>();
        CompletableFuture<Thread> worker = new CompletableFuture<>();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try {
            Future<TrainingOutcome> training = executor.submit(() -> {
                worker.complete(Thread.currentThread());
                return backend().train(job, (stage, fraction) -> stages.add(stage));
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> stages.contains("queued"));
            worker.get().interrupt();

            assertThatThrownBy(training::get).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(TrainingFailedException.class)
                    .hasMessage("interrupted; remote job ftjob-1 cancelled");
            server.verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/ftjob-1/cancel")));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRefusedKeyIsNamedWithoutRepeatingTheKey() throws Exception {
        server.stubFor(post("/v1/files").willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + FineTuningJobs.KEY + "\"}}")));

        assertThatThrownBy(() -> backend().train(FineTuningJobs.narratorJob(dir, "tuner", Map.of()), (s, f) -> { }))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessageContaining("refused the API key (401)")
                .hasMessageContaining("storyteller.providers.tuner.api-key")
                .hasMessageNotContaining(FineTuningJobs.KEY);
    }

    @Test
    void anUnreachableEndpointIsNamedByItsNetworkReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        OpenAiFineTuningBackend unreachable = new OpenAiFineTuningBackend(
                FineTuningJobs.endpoint("tuner", "http://127.0.0.1:" + closedPort, ProviderKind.OPENAI),
                FineTuningJobs.fastPolling());

        assertThatThrownBy(() -> unreachable.train(FineTuningJobs.narratorJob(dir, "tuner", Map.of()), (s, f) -> { }))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessage("endpoint tuner (http://127.0.0.1:" + closedPort + "): upload of sft-train.jsonl failed: "
                        + "connection refused");
    }

    @Test
    void onlyAnOpenAiCompatibleProviderWithAnSftTrainFileIsSupported() throws Exception {
        TrainingJob job = FineTuningJobs.narratorJob(dir, "tuner", Map.of());

        assertThat(backend().supports(job).supported()).isTrue();
        assertThat(new OpenAiFineTuningBackend(FineTuningJobs.endpoint("tuner", server.baseUrl(), ProviderKind.OLLAMA),
                FineTuningJobs.fastPolling()).supports(job).reason())
                .isEqualTo("the base model's provider 'tuner' is an ollama endpoint, not an OpenAI-compatible one");
        assertThat(backend().supports(FineTuningJobs.narratorJob(dir, "elsewhere", Map.of())).reason())
                .isEqualTo("the base model's provider 'elsewhere' is no configured endpoint");
        TrainingJob noFiles = new TrainingJob("ft-2", job.base(), job.baseModel(), job.useCase(), dir, List.of(),
                Map.of(), dir.resolve("out"));
        assertThat(backend().supports(noFiles).reason()).isEqualTo("the dataset has no SFT train file with records");
    }

    @Test
    void aHyperParameterThatIsNoNumberIsRefusedBeforeAnyUpload() throws Exception {
        assertThatThrownBy(() -> backend().train(FineTuningJobs.narratorJob(dir, "tuner", Map.of("n_epochs", "many")),
                (s, f) -> { }))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessage("hyper-parameter n_epochs must be a whole number or 'auto', not 'many'");
        assertThat(server.getAllServeEvents()).isEmpty();
    }

    @Test
    void aLookThatFailsIsTriedAgainAndSeveralInARowGiveTheJobUp() throws Exception {
        filesAndJobAreAccepted();
        server.stubFor(get("/v1/fine_tuning/jobs/ftjob-1").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("answering"));
        server.stubFor(get("/v1/fine_tuning/jobs/ftjob-1").inScenario("flaky").whenScenarioStateIs("answering")
                .willReturn(okJson("{\"id\":\"ftjob-1\",\"status\":\"succeeded\",\"fine_tuned_model\":\"ft:gpt-4o-mini:x\"}")));

        assertThat(backend().train(FineTuningJobs.narratorJob(dir, "tuner", Map.of()), (s, f) -> { }).providerModel())
                .isEqualTo("ft:gpt-4o-mini:x");

        server.resetAll();
        filesAndJobAreAccepted();
        server.stubFor(get("/v1/fine_tuning/jobs/ftjob-1").willReturn(aResponse().withStatus(503)));
        server.stubFor(post("/v1/fine_tuning/jobs/ftjob-1/cancel").willReturn(okJson("{\"id\":\"ftjob-1\"}")));

        assertThatThrownBy(() -> backend().train(FineTuningJobs.narratorJob(dir, "tuner", Map.of()), (s, f) -> { }))
                .isInstanceOf(TrainingFailedException.class)
                .hasMessageEndingWith("answered 503 to looking at job ftjob-1 (3 times; remote job ftjob-1 cancelled)");
        server.verify(postRequestedFor(urlEqualTo("/v1/fine_tuning/jobs/ftjob-1/cancel")));
    }
}
