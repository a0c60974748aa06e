package io.storyteller.command.narration;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.storyteller.command.runtime.ConfiguredRuntime;
import io.storyteller.command.runtime.ModelRuntimes;
import io.storyteller.command.runtime.ModelUnavailableException;
import io.storyteller.domain.model.ModelRef;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Endpoints declared under {@code storyteller.providers}, several at once and of different kinds,
 * each served by its own local WireMock: a keyless OpenAI-compatible server on a custom chat path
 * and an Anthropic server, both reachable through {@link ModelRuntimes} in one run.
 */
@ExtendWith(OutputCaptureExtension.class)
class SeveralEndpointsTest {

    static final String ANTHROPIC_KEY = "sk-ant-endpoint-5e2b90c4";

    @RegisterExtension
    static WireMockExtension vllm = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    @RegisterExtension
    static WireMockExtension anthropic = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    @Test
    void oneRunCallsEachModelOnItsOwnEndpoint(CapturedOutput output) {
        vllm.stubFor(post("/api/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(ProviderAnswers.openAiStream("qwen-test", "The tide turns."))));
        anthropic.stubFor(post("/v1/messages").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(ProviderAnswers.anthropicStream("claude-test-20250101", "The bell tolls."))));

        runner().run(context -> {
            ModelRuntimes runtimes = context.getBean(ModelRuntimes.class);
            ProviderNarration fromVllm = ProviderNarration.narrate(
                    runtimes.chatModelFor(new ModelRef("local-vllm:qwen-test", "qwen-test")));
            ProviderNarration fromClaude = ProviderNarration.narrate(
                    runtimes.chatModelFor(new ModelRef("claude:claude-test", "claude-test")));

            assertThat(fromVllm.generated().text()).isEqualTo("The tide turns.");
            assertThat(fromVllm.generated().model()).isEqualTo("qwen-test");
            assertThat(fromClaude.generated().text()).isEqualTo("The bell tolls.");
            assertThat(fromClaude.generated().model()).isEqualTo("claude-test-20250101");
        });

        vllm.verify(postRequestedFor(urlEqualTo("/api/chat/completions"))
                .withHeader("Authorization", absent())
                .withRequestBody(matchingJsonPath("$.model", equalTo("qwen-test"))));
        anthropic.verify(postRequestedFor(urlEqualTo("/v1/messages"))
                .withHeader("x-api-key", equalTo(ANTHROPIC_KEY))
                .withRequestBody(matchingJsonPath("$.model", equalTo("claude-test"))));
        assertThat(output.getAll()).doesNotContain(ANTHROPIC_KEY);
    }

    @Test
    void aDeclaredEndpointNarratesEveryWorldWithItsDefaultModel() {
        vllm.stubFor(post("/api/chat/completions").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody(ProviderAnswers.openAiStream("qwen-default", "Fog rolls in."))));

        runner().withPropertyValues("storyteller.narrator.provider=local-vllm",
                "storyteller.providers.local-vllm.options.model=qwen-default").run(context -> {
            ChatModel narrator = context.getBean(ConfiguredRuntime.class).forWorld(StoryFixtures.WORLD);
            assertThat(ProviderNarration.narrate(narrator).generated().text()).isEqualTo("Fog rolls in.");
        });
        vllm.verify(postRequestedFor(urlEqualTo("/api/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("qwen-default"))));
    }

    @Test
    void aNarratorEndpointWithoutADefaultModelRefusesTheStart() {
        runner().withPropertyValues("storyteller.narrator.provider=local-vllm")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("storyteller.providers.local-vllm.options.model is not set"));
        runner().withPropertyValues("storyteller.narrator.provider=nowhere")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("storyteller.narrator.provider=nowhere names no provider endpoint"));
    }

    @Test
    void aMisconfiguredEndpointRefusesTheStartNamingTheProperty() {
        SpringAiContexts.withApplicationDefaults()
                .withPropertyValues("storyteller.providers.local-vllm.kind=openai")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("storyteller.providers.local-vllm.base-url must be set"));
    }

    @Test
    void aFailingEndpointIsPausedWhileTheOthersGoOn() {
        vllm.stubFor(post("/api/chat/completions").willReturn(aResponse().withStatus(503)));
        anthropic.stubFor(post("/v1/messages").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody(ProviderAnswers.anthropicMessage("claude-test-20250101", "Still here."))));

        runner().withPropertyValues("storyteller.provider-circuit-breaker.window=2",
                "storyteller.provider-circuit-breaker.minimum-calls=2").run(context -> {
            ModelRuntimes runtimes = context.getBean(ModelRuntimes.class);
            ChatModel failing = runtimes.chatModelFor(new ModelRef("local-vllm:qwen-test", "qwen-test"));
            Prompt prompt = new Prompt("I wait.");
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> failing.call(prompt)).isNotInstanceOf(ModelUnavailableException.class);
            }
            assertThatThrownBy(() -> failing.call(prompt)).isInstanceOf(ModelUnavailableException.class)
                    .hasMessage("provider endpoint local-vllm is failing: calls to it are paused for a while");
            assertThat(ProviderNarration.failureReason(failing))
                    .isEqualTo("provider endpoint local-vllm is failing: calls to it are paused for a while");
            assertThat(runtimes.chatModelFor(new ModelRef("claude:claude-test", "claude-test")).call(prompt)
                    .getResult().getOutput().getText()).isEqualTo("Still here.");
        });
        assertThat(vllm.findAll(postRequestedFor(urlEqualTo("/api/chat/completions")))).hasSize(2);
    }

    private static ApplicationContextRunner runner() {
        return SpringAiContexts.withApplicationDefaults().withPropertyValues(
                "storyteller.providers.local-vllm.kind=openai",
                "storyteller.providers.local-vllm.base-url=" + vllm.baseUrl(),
                "storyteller.providers.local-vllm.completions-path=/api/chat/completions",
                "storyteller.providers.claude.kind=anthropic",
                "storyteller.providers.claude.base-url=" + anthropic.baseUrl(),
                "storyteller.providers.claude.api-key=" + ANTHROPIC_KEY,
                "spring.ai.retry.max-attempts=1");
    }
}
