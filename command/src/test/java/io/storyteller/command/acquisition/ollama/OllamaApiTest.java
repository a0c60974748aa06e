package io.storyteller.command.acquisition.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.storyteller.domain.acquisition.OllamaModelDetails;
import io.storyteller.domain.acquisition.OllamaModelSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Ollama's model management API as the platform speaks it, against a local server. */
class OllamaApiTest {

    private WireMockServer server;
    private OllamaApi api;

    @BeforeEach
    void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        api = new OllamaApi(OllamaServerStub.endpoint(server, "ollama-key-5e1"));
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    @Test
    void aPullHandsOnEveryProgressLineUntilSuccess() {
        OllamaServerStub.pullStreams(server, OllamaServerStub.PULL_STREAM);
        List<OllamaPullLine> lines = new ArrayList<>();

        api.pull("llama3.2:1b", lines::add);

        assertThat(lines).extracting(OllamaPullLine::status).containsExactly("pulling manifest", "pulling 74701a8c35f6",
                "pulling 74701a8c35f6", "pulling 74701a8c35f6", "verifying sha256 digest", "writing manifest", "success");
        assertThat(lines.get(2).completed()).isEqualTo(660_541_344L);
        assertThat(lines.get(2).total()).isEqualTo(1_321_082_688L);
        assertThat(lines.get(2).digest()).isEqualTo("sha256:74701a8c35f6");
        server.verify(postRequestedFor(urlEqualTo("/api/pull"))
                .withHeader("Authorization", equalTo("Bearer ollama-key-5e1"))
                .withRequestBody(equalToJson("{\"model\":\"llama3.2:1b\",\"stream\":true}")));
    }

    @Test
    void anErrorLineFailsThePullWithTheServersWords() {
        OllamaServerStub.pullStreams(server, """
                {"status":"pulling manifest"}
                {"error":"pull model manifest: file does not exist"}
                """);
        List<OllamaPullLine> lines = new ArrayList<>();

        assertThatThrownBy(() -> api.pull("nosuch:7b", lines::add))
                .isInstanceOf(OllamaApiException.class)
                .hasMessageEndingWith("could not pull nosuch:7b: pull model manifest: file does not exist");
        assertThat(lines).extracting(OllamaPullLine::status).containsExactly("pulling manifest");
    }

    @Test
    void aStreamThatEndsWithoutSuccessFails() {
        OllamaServerStub.pullStreams(server, """
                {"status":"pulling manifest"}
                {"status":"pulling 74701a8c35f6","total":10,"completed":5}
                """);

        assertThatThrownBy(() -> api.pull("llama3.2:1b", line -> { }))
                .isInstanceOf(OllamaApiException.class).hasMessageEndingWith("ended the pull of llama3.2:1b without success");
    }

    @Test
    void aRefusedPullTellsTheStatus() {
        server.stubFor(post("/api/pull").willReturn(aResponse().withStatus(500).withBody("{\"error\":\"disk full\"}")));

        assertThatThrownBy(() -> api.pull("llama3.2:1b", line -> { }))
                .isInstanceOfSatisfying(OllamaApiException.class, e -> assertThat(e.status()).isEqualTo(500))
                .hasMessageEndingWith("answered HTTP 500: disk full");
    }

    @Test
    void showTellsModelfileParametersTemplateDetailsLicenseAndCapabilities() {
        OllamaServerStub.shows(server);

        OllamaModelDetails details = api.show("llama3.2:1b");

        assertThat(details.modelfile()).startsWith("FROM /root/.ollama/models/blobs/");
        assertThat(details.parameters()).isEqualTo("stop \"<|eot_id|>\"");
        assertThat(details.template()).isEqualTo("{{ .Prompt }}");
        assertThat(details.license()).startsWith("LLAMA 3.2 COMMUNITY LICENSE AGREEMENT");
        assertThat(details.family()).isEqualTo("llama");
        assertThat(details.parameterSize()).isEqualTo("1.2B");
        assertThat(details.quantization()).isEqualTo("Q8_0");
        assertThat(details.format()).isEqualTo("gguf");
        assertThat(details.capabilities()).containsExactly("completion", "tools");
        assertThat(details.contextLength()).isEqualTo(131_072);
        server.verify(postRequestedFor(urlEqualTo("/api/show")).withRequestBody(equalToJson("{\"model\":\"llama3.2:1b\"}")));
    }

    @Test
    void tagsListsWhatTheServerHolds() {
        server.stubFor(get("/api/tags").willReturn(okJson(OllamaServerStub.TAGS)));

        List<OllamaModelSummary> models = api.tags();

        assertThat(models).singleElement().satisfies(model -> {
            assertThat(model.name()).isEqualTo("llama3.2:1b");
            assertThat(model.sizeBytes()).isEqualTo(1_321_098_329L);
            assertThat(model.digest()).startsWith("baf6a787fdff");
            assertThat(model.modifiedAt()).isEqualTo(Instant.parse("2025-01-05T09:00:00.123456789Z"));
            assertThat(model.quantization()).isEqualTo("Q8_0");
        });
    }

    @Test
    void copyAndDeleteSayWhichModels() {
        server.stubFor(post("/api/copy").willReturn(aResponse().withStatus(200)));
        server.stubFor(delete("/api/delete").willReturn(aResponse().withStatus(200)));

        api.copy("llama3.2:1b", "narrator-noir");
        api.delete("narrator-noir");

        server.verify(postRequestedFor(urlEqualTo("/api/copy"))
                .withRequestBody(equalToJson("{\"source\":\"llama3.2:1b\",\"destination\":\"narrator-noir\"}")));
        server.verify(deleteRequestedFor(urlEqualTo("/api/delete")).withRequestBody(equalToJson("{\"model\":\"narrator-noir\"}")));
    }

    @Test
    void deletingWhatTheServerLacksIsA404() {
        server.stubFor(delete("/api/delete").willReturn(aResponse().withStatus(404).withBody("{\"error\":\"model 'x' not found\"}")));

        assertThatThrownBy(() -> api.delete("x"))
                .isInstanceOfSatisfying(OllamaApiException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageEndingWith("answered HTTP 404: model 'x' not found");
    }

    @Test
    void anUnreachableServerIsToldAsSuch() {
        server.stop();

        assertThatThrownBy(() -> api.tags()).isInstanceOf(OllamaApiException.class).hasMessageContaining("could not be reached");
    }
}
