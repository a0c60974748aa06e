package io.storyteller.command.acquisition.ollama;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderKind;
import java.time.Duration;

/** What a local Ollama server answers in these specifications. */
final class OllamaServerStub {

    static final String DIGEST = "sha256:baf6a787fdffd633537aa2eb51cfd54cb93ff08e28040095462bb63daf552878";

    static final String PULL_STREAM = """
            {"status":"pulling manifest"}
            {"status":"pulling 74701a8c35f6","digest":"sha256:74701a8c35f6","total":1321082688,"completed":0}
            {"status":"pulling 74701a8c35f6","digest":"sha256:74701a8c35f6","total":1321082688,"completed":660541344}
            {"status":"pulling 74701a8c35f6","digest":"sha256:74701a8c35f6","total":1321082688,"completed":1321082688}
            {"status":"verifying sha256 digest"}
            {"status":"writing manifest"}
            {"status":"success"}
            """;

    static final String SHOW = """
            {"license":"LLAMA 3.2 COMMUNITY LICENSE AGREEMENT\\nLlama 3.2 Version Release Date: September 25, 2024",
             "modelfile":"FROM /root/.ollama/models/blobs/sha256-74701a8c35f6\\nPARAMETER stop <|eot_id|>",
             "parameters":"stop \\"<|eot_id|>\\"",
             "template":"{{ .Prompt }}",
             "details":{"parent_model":"","format":"gguf","family":"llama","families":["llama"],
                        "parameter_size":"1.2B","quantization_level":"Q8_0"},
             "model_info":{"general.architecture":"llama","llama.context_length":131072},
             "capabilities":["completion","tools"]}""";

    static final String TAGS = """
            {"models":[{"name":"llama3.2:1b","model":"llama3.2:1b","modified_at":"2025-01-05T10:00:00.123456789+01:00",
              "size":1321098329,"digest":"baf6a787fdffd633537aa2eb51cfd54cb93ff08e28040095462bb63daf552878",
              "details":{"format":"gguf","family":"llama","families":["llama"],"parameter_size":"1.2B","quantization_level":"Q8_0"}}]}""";

    private OllamaServerStub() {
    }

    static ProviderEndpoint endpoint(WireMockServer server, String apiKey) {
        return new ProviderEndpoint("gpu-box", ProviderKind.OLLAMA, server.baseUrl(), apiKey, null, Duration.ofSeconds(5),
                Duration.ofSeconds(5), true, null, null, false);
    }

    static void pullStreams(WireMockServer server, String body) {
        server.stubFor(post("/api/pull").willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody(body)));
    }

    static void shows(WireMockServer server) {
        server.stubFor(post("/api/show").willReturn(okJson(SHOW)));
    }
}
