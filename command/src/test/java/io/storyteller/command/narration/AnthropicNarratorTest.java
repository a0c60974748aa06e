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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Anthropic's Messages API, served by a local WireMock. */
@ExtendWith(OutputCaptureExtension.class)
class AnthropicNarratorTest {

    static final String KEY = "sk-ant-test-4c1d77e2";
    static final String PATH = "/v1/messages";

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2 (RST_STREAM). */
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    @Test
    void streamsOverServerSentEvents(CapturedOutput output) {
        server.stubFor(post(PATH).willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("""
                event: message_start
                data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","content":[],"model":"claude-test-20250101","stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":42,"output_tokens":1}}}

                event: content_block_start
                data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

                event: ping
                data: {"type":"ping"}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"The door "}}

                event: content_block_delta
                data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"creaks open."}}

                event: content_block_stop
                data: {"type":"content_block_stop","index":0}

                event: message_delta
                data: {"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":7}}

                event: message_stop
                data: {"type":"message_stop"}

                """)));

        runner().run(context -> {
            ProviderNarration narration = ProviderNarration.narrate(
                    context.getBean(ConfiguredRuntime.class).forWorld(StoryFixtures.WORLD));
            assertThat(String.join("", narration.chunks())).isEqualTo("The door creaks open.");
            assertThat(narration.generated().text()).isEqualTo("The door creaks open.");
            assertThat(narration.generated().model()).isEqualTo("claude-test-20250101");
            assertThat(narration.generated().promptTokens()).isEqualTo(42);
            assertThat(narration.generated().completionTokens()).isEqualTo(7);
        });

        server.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("x-api-key", equalTo(KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-test")))
                .withRequestBody(matchingJsonPath("$.stream", equalTo("true")))
                .withRequestBody(matchingJsonPath("$.system"))
                .withRequestBody(matchingJsonPath("$.messages[-1:].role", equalTo("user"))));
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    @ParameterizedTest
    @CsvSource({"429, provider answered 429 Too Many Requests", "500, provider answered 500 Internal Server Error",
            "529, provider answered 529 Overloaded"})
    void namesTheStatusOfAFailedRequest(int status, String reason, CapturedOutput output) {
        server.stubFor(post(PATH).willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"key " + KEY + "\"}}")));

        runner().run(context -> assertThat(ProviderNarration.failureReason(
                context.getBean(ConfiguredRuntime.class).forWorld(StoryFixtures.WORLD))).isEqualTo(reason));
        assertThat(output.getAll()).doesNotContain(KEY);
    }

    private static ApplicationContextRunner runner() {
        return SpringAiContexts.withApplicationDefaults().withPropertyValues(
                "storyteller.narrator.provider=anthropic",
                "spring.ai.anthropic.base-url=" + server.baseUrl(),
                "spring.ai.anthropic.api-key=" + KEY,
                "spring.ai.anthropic.chat.options.model=claude-test",
                "spring.ai.retry.max-attempts=1");
    }
}
