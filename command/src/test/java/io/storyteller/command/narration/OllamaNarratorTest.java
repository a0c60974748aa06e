package io.storyteller.command.narration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.storyteller.command.runtime.ConfiguredRuntime;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Ollama's chat API (newline-delimited JSON stream), served by a local WireMock. Ollama takes no key. */
class OllamaNarratorTest {

    static final String PATH = "/api/chat";

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2 (RST_STREAM). */
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    @Test
    void streamsNewlineDelimitedJson() {
        server.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "application/x-ndjson").withBody("""
                {"model":"llama-test:8b","created_at":"2025-01-01T00:00:00Z","message":{"role":"assistant","content":"The door "},"done":false}
                {"model":"llama-test:8b","created_at":"2025-01-01T00:00:01Z","message":{"role":"assistant","content":"creaks open."},"done":false}
                {"model":"llama-test:8b","created_at":"2025-01-01T00:00:02Z","message":{"role":"assistant","content":""},"done":true,"done_reason":"stop","total_duration":1000,"load_duration":10,"prompt_eval_count":42,"prompt_eval_duration":100,"eval_count":7,"eval_duration":200}
                """)));

        runner().run(context -> {
            ProviderNarration narration = ProviderNarration.narrate(
                    context.getBean(ConfiguredRuntime.class).forWorld(StoryFixtures.WORLD));
            assertThat(narration.chunks()).containsExactly("The door ", "creaks open.");
            assertThat(narration.generated().text()).isEqualTo("The door creaks open.");
            assertThat(narration.generated().model()).isEqualTo("llama-test:8b");
            assertThat(narration.generated().promptTokens()).isEqualTo(42);
            assertThat(narration.generated().completionTokens()).isEqualTo(7);
        });

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.model", equalTo("llama-test:8b")))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system"))));
    }

    @ParameterizedTest
    @CsvSource({"429, provider answered 429 Too Many Requests", "500, provider answered 500 Internal Server Error"})
    void namesTheStatusOfAFailedRequest(int status, String reason) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":\"model is busy\"}")));

        runner().run(context -> assertThat(ProviderNarration.failureReason(
                context.getBean(ConfiguredRuntime.class).forWorld(StoryFixtures.WORLD))).isEqualTo(reason));
    }

    @Test
    void saysSoWhenTheProviderIsUnreachable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        runner("http://localhost:" + closedPort).run(context -> assertThat(ProviderNarration.failureReason(
                context.getBean(ConfiguredRuntime.class).forWorld(StoryFixtures.WORLD)))
                .isEqualTo("could not reach the provider"));
    }

    private static ApplicationContextRunner runner() {
        return runner(server.baseUrl());
    }

    private static ApplicationContextRunner runner(String baseUrl) {
        return SpringAiContexts.withApplicationDefaults().withPropertyValues(
                "storyteller.narrator.provider=ollama",
                "spring.ai.ollama.base-url=" + baseUrl,
                "spring.ai.ollama.chat.options.model=llama-test:8b",
                "spring.ai.retry.max-attempts=1");
    }
}
