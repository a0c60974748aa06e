package io.storyteller.command.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** Which endpoints a configuration declares, and how a declaration that cannot work refuses the start. */
class ProviderEndpointsTest {

    @Test
    void severalEndpointsOfOneKindLiveSideBySide() {
        ProviderEndpoints endpoints = ProviderEndpoints.configured(environment(Map.of(
                "storyteller.providers.openai.kind", "openai",
                "storyteller.providers.openai.base-url", "https://api.openai.com/",
                "storyteller.providers.openai.api-key", "sk-live-0123456789",
                "storyteller.providers.openai.prices[gpt-4.1].input", "2",
                "storyteller.providers.local-vllm.kind", "OpenAI",
                "storyteller.providers.local-vllm.base-url", "http://gpu-box:8000",
                "storyteller.providers.local-vllm.completions-path", "/v1/chat/completions",
                "storyteller.providers.local-vllm.self-hosted", "true",
                "storyteller.providers.local-vllm.options.model", "qwen2.5-7b-instruct",
                "storyteller.providers.local-vllm.read-timeout", "5m")));

        assertThat(endpoints.all()).extracting(ProviderEndpoint::name).containsExactly("local-vllm", "openai");
        ProviderEndpoint vllm = endpoints.named("local-vllm").orElseThrow();
        assertThat(vllm.kind()).isEqualTo(ProviderKind.OPENAI);
        assertThat(vllm.hasKey()).isFalse();
        assertThat(vllm.selfHosted()).isTrue();
        assertThat(vllm.readTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(vllm.connectTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(vllm.options().model()).isEqualTo("qwen2.5-7b-instruct");
        ProviderEndpoint openAi = endpoints.named("openai").orElseThrow();
        assertThat(openAi.baseUrl()).isEqualTo("https://api.openai.com");
        assertThat(openAi.selfHosted()).isFalse();
        assertThat(openAi.prices()).containsEntry("gpt-4.1", new ModelPrice(new BigDecimal("2"), null));
        assertThat(endpoints.declares("openai")).isTrue();
        assertThat(openAi.toString()).contains("openai", "https://api.openai.com").doesNotContain("sk-live-0123456789");
    }

    @Test
    void anUnknownKindIsRefusedNamingThePropertyAndTheChoices() {
        assertThatThrownBy(() -> ProviderEndpoints.configured(environment(Map.of(
                "storyteller.providers.gemini.kind", "google",
                "storyteller.providers.gemini.base-url", "https://example.test"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storyteller.providers.gemini.kind is 'google'; it must be one of openai, anthropic, ollama");
    }

    @Test
    void aMissingBaseUrlIsRefusedNamingTheProperty() {
        // No silent default to a public API: a forgotten address would send prompts and key elsewhere.
        assertThatThrownBy(() -> ProviderEndpoints.configured(environment(Map.of(
                "storyteller.providers.local-vllm.kind", "openai"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storyteller.providers.local-vllm.base-url must be set");
    }

    @Test
    void everyProblemIsNamedAtOnce() {
        assertThatThrownBy(() -> ProviderEndpoints.configured(environment(Map.of(
                "storyteller.providers.claude.kind", "anthropic",
                "storyteller.providers.claude.base-url", "ftp://anthropic.test",
                "storyteller.providers.house.kind", "ollama",
                "storyteller.providers.house.base-url", "http://localhost:11434",
                "storyteller.providers.box.base-url", "http://localhost:1234",
                "storyteller.providers.box.connect-timeout", "0s"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storyteller.providers.box.kind must be set: one of openai, anthropic, ollama")
                .hasMessageContaining("storyteller.providers.box.connect-timeout must be positive")
                .hasMessageContaining("storyteller.providers.claude.base-url must be an absolute http or https address")
                .hasMessageContaining("storyteller.providers.claude.api-key must be set for an anthropic endpoint")
                .hasMessageContaining("storyteller.providers.house: 'house' is reserved");
    }

    @Test
    void springAisOwnPropertiesStillMakeEndpointsNamedAfterTheirKind() {
        ProviderEndpoints endpoints = ProviderEndpoints.configured(environment(Map.of(
                "spring.ai.openai.api-key", "sk-legacy-0123456789",
                "spring.ai.ollama.base-url", "http://gpu-box:11434/")));

        assertThat(endpoints.all()).extracting(ProviderEndpoint::name).containsExactly("openai", "ollama");
        assertThat(endpoints.named("openai").orElseThrow().fromSpringAi()).isTrue();
        assertThat(endpoints.named("openai").orElseThrow().properties()).isEqualTo("spring.ai.openai");
        assertThat(endpoints.named("ollama").orElseThrow().selfHosted()).isTrue();
        assertThat(endpoints.declares("openai")).isFalse();
    }

    @Test
    void aDeclaredEndpointTakesThePlaceOfSpringAisOfTheSameName() {
        ProviderEndpoints endpoints = ProviderEndpoints.configured(environment(Map.of(
                "spring.ai.ollama.base-url", "http://old-box:11434",
                "storyteller.providers.ollama.kind", "ollama",
                "storyteller.providers.ollama.base-url", "http://new-box:11434")));

        assertThat(endpoints.all()).singleElement().satisfies(endpoint -> {
            assertThat(endpoint.baseUrl()).isEqualTo("http://new-box:11434");
            assertThat(endpoint.fromSpringAi()).isFalse();
        });
    }

    @Test
    void noConfigurationMeansNoEndpoint() {
        assertThat(ProviderEndpoints.configured(new MockEnvironment()).all()).isEmpty();
    }

    private static MockEnvironment environment(Map<String, String> properties) {
        MockEnvironment environment = new MockEnvironment();
        new LinkedHashMap<>(properties).forEach(environment::setProperty);
        return environment;
    }
}
