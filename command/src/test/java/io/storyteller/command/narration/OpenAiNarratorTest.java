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
import io.storyteller.command.runtime.ProviderErrorHandling;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** An OpenAI-compatible endpoint, served by a local WireMock. */
@ExtendWith(OutputCaptureExtension.class)
class OpenAiNarratorTest {

    static final String KEY = "sk-test-openai-7f3a9c51";
    static final String PATH = "/v1/chat/completions";

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2 (RST_STREAM). */
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    @Test
    void streamsOverServerSentEvents(CapturedOutput output) {
        server.stubFor(post(PATH).withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("""
                        data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test-2025-01-01","choices":[{"index":0,"delta":{"role":"assistant","content":"The door "},"finish_reason":null}]}

                        data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test-2025-01-01","choices":[{"index":0,"delta":{"content":"creaks open."},"finish_reason":"stop"}]}

                        data: {"id":"c-1","object":"chat.completion.chunk","created":1700000000,"model":"gpt-test-2025-01-01","choices":[],"usage":{"prompt_tokens":42,"completion_tokens":7,"total_tokens":49}}

                        data: [DONE]

                        """)));

        runner().run(context -> {
            ProviderNarration narration = ProviderNarration.narrate(narrator(context.getBean(ConfiguredRuntime.class)));
            assertThat(narration.chunks()).containsExactly("The door ", "creaks open.");
            assertThat(narration.generated().text()).isEqualTo("The door creaks open.");
            assertThat(narration.generated().model()).isEqualTo("gpt-test-2025-01-01");
            assertThat(narration.generated().promptTokens()).isEqualTo(42);
            assertThat(narration.generated().completionTokens()).isEqualTo(7);
        });

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-test")))
                .withRequestBody(matchingJsonPath("$.stream_options.include_usage", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.messages[0].role", equalTo("system")))
                .withRequestBody(matchingJsonPath("$.messages[-1:].content", equalTo("I push the door"))));
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void answersInOneResponseWhenTheModelIsCalled(CapturedOutput output) {
        server.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "application/json").withBody("""
                {"id":"c-2","object":"chat.completion","created":1700000000,"model":"gpt-test-2025-01-01",
                 "choices":[{"index":0,"message":{"role":"assistant","content":"The door creaks open."},"finish_reason":"stop"}],
                 "usage":{"prompt_tokens":42,"completion_tokens":7,"total_tokens":49}}
                """)));

        runner().run(context -> {
            ChatModel openAi = narrator(context.getBean(ConfiguredRuntime.class));
            ChatModel callOnly = openAi::call; // a provider that cannot stream: the narrator falls back to call()
            ProviderNarration narration = ProviderNarration.narrate(callOnly);
            assertThat(narration.chunks()).containsExactly("The door creaks open.");
            assertThat(narration.generated().model()).isEqualTo("gpt-test-2025-01-01");
            assertThat(narration.generated().promptTokens()).isEqualTo(42);
            assertThat(narration.generated().completionTokens()).isEqualTo(7);
        });

        server.verify(postRequestedFor(urlEqualTo(PATH)).withHeader("Authorization", equalTo("Bearer " + KEY)));
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @ParameterizedTest
    @CsvSource({"429, true, provider answered 429 Too Many Requests",
            "500, true, provider answered 500 Internal Server Error",
            "429, false, provider answered 429 Too Many Requests",
            "500, false, provider answered 500 Internal Server Error"})
    void namesTheStatusOfAFailedRequest(int status, boolean streaming, String reason, CapturedOutput output) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")));

        runner().run(context -> {
            ChatModel openAi = narrator(context.getBean(ConfiguredRuntime.class));
            String failure = ProviderNarration.failureReason(streaming ? openAi : openAi::call);
            assertThat(failure).isEqualTo(reason).doesNotContain(KEY);
        });
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @Test
    void masksTheKeyWhenErrorBodiesAreLoggedForDebugging(CapturedOutput output) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}")));
        LoggingSystem logging = LoggingSystem.get(getClass().getClassLoader());
        logging.setLogLevel(ProviderErrorHandling.class.getName(), LogLevel.DEBUG);
        try {
            runner().run(context -> assertThat(ProviderNarration.failureReason(
                    narrator(context.getBean(ConfiguredRuntime.class))::call)).isEqualTo("provider answered 401 Unauthorized"));
        } finally {
            logging.setLogLevel(ProviderErrorHandling.class.getName(), null);
        }
        assertThat(output.getAll()).contains("Provider answered 401", "Incorrect API key provided: ***")
                .doesNotContain(KEY);
    }

    private static ChatModel narrator(ConfiguredRuntime models) {
        return models.forWorld(StoryFixtures.WORLD);
    }

    private static ApplicationContextRunner runner() {
        return SpringAiContexts.withApplicationDefaults().withPropertyValues(
                "storyteller.narrator.provider=openai",
                "spring.ai.openai.base-url=" + server.baseUrl(),
                "spring.ai.openai.api-key=" + KEY,
                "spring.ai.openai.chat.options.model=gpt-test",
                "spring.ai.retry.max-attempts=1");
    }
}
