package io.storyteller.command.runtime;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;

/** Spring AI's OpenAI chat model, configured for one model, calls the model a deployment names. */
class PinnedChatModelTest {

    /** Plain HTTP/1.1: the JDK client's h2c upgrade trips over WireMock's HTTP/2. */
    @RegisterExtension
    static WireMockExtension server = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();

    @Test
    void theRequestNamesThePinnedModelAndKeepsThePromptsSampling() {
        server.stubFor(post("/v1/chat/completions").willReturn(aResponse().withHeader("Content-Type", "application/json")
                .withBody("""
                        {"id":"c-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini-2024-07-18",
                         "choices":[{"index":0,"message":{"role":"assistant","content":"Hello."},"finish_reason":"stop"}],
                         "usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7}}
                        """)));
        OpenAiChatModel configured = OpenAiChatModel.builder()
                .openAiApi(OpenAiApi.builder().baseUrl(server.baseUrl()).apiKey("sk-test").build())
                .defaultOptions(OpenAiChatOptions.builder().model("gpt-configured").build())
                .build();

        ChatResponse answer = new PinnedChatModel(configured, "gpt-4o-mini").call(new Prompt(List.of(new UserMessage("Hi")),
                ChatOptions.builder().temperature(0.3).maxTokens(50).build()));

        assertThat(answer.getResult().getOutput().getText()).isEqualTo("Hello.");
        server.verify(postRequestedFor(urlEqualTo("/v1/chat/completions"))
                .withRequestBody(matchingJsonPath("$.model", equalTo("gpt-4o-mini")))
                .withRequestBody(matchingJsonPath("$.temperature", equalTo("0.3")))
                .withRequestBody(matchingJsonPath("$.max_tokens", equalTo("50"))));
    }
}
