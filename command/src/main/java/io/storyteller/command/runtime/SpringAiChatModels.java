package io.storyteller.command.runtime;

import io.micrometer.observation.ObservationRegistry;
import io.storyteller.command.endpoint.EndpointOptions;
import io.storyteller.command.endpoint.ProviderEndpoint;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.anthropic.AnthropicChatOptions;
import org.springframework.ai.anthropic.api.AnthropicApi;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.model.NoopApiKey;
import org.springframework.ai.model.SimpleApiKey;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaChatOptions;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.ai.openai.OpenAiChatOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.ResponseErrorHandler;
import org.springframework.web.client.RestClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Builds the Spring AI chat model of a declared endpoint with the builders Spring AI's own
 * auto-configuration uses, on HTTP clients with the endpoint's timeouts, and with the one retry
 * template and body-free error handler of {@link ProviderErrorHandling} (the same as the
 * auto-configured models get), so every endpoint retries alike and nothing retries twice.
 */
final class SpringAiChatModels {

    /** Anthropic's API demands max_tokens; Spring AI's own default. */
    static final int ANTHROPIC_MAX_TOKENS = 500;

    private final RetryTemplate retry;
    private final ResponseErrorHandler errors;
    private final ObservationRegistry observations;

    SpringAiChatModels(RetryTemplate retry, ResponseErrorHandler errors, ObservationRegistry observations) {
        this.retry = retry;
        this.errors = errors;
        this.observations = observations;
    }

    ChatModel build(ProviderEndpoint endpoint) {
        EndpointHttp http = EndpointHttp.of(endpoint);
        RestClient.Builder rest = http.rest();
        WebClient.Builder web = http.web();
        EndpointOptions options = endpoint.options();
        return switch (endpoint.kind()) {
            case OPENAI -> openAi(endpoint, options, rest, web);
            case ANTHROPIC -> anthropic(endpoint, options, rest, web);
            case OLLAMA -> ollama(endpoint, options, rest, web);
        };
    }

    private ChatModel openAi(ProviderEndpoint endpoint, EndpointOptions options, RestClient.Builder rest,
            WebClient.Builder web) {
        OpenAiApi.Builder api = OpenAiApi.builder()
                .baseUrl(endpoint.baseUrl())
                // A keyless local server gets no Authorization header at all.
                .apiKey(endpoint.hasKey() ? new SimpleApiKey(endpoint.apiKey()) : new NoopApiKey())
                .restClientBuilder(rest)
                .webClientBuilder(web)
                .responseErrorHandler(errors);
        if (endpoint.completionsPath() != null) {
            api.completionsPath(endpoint.completionsPath());
        }
        OpenAiChatOptions defaults = OpenAiChatOptions.builder()
                .model(options.model())
                .temperature(options.temperature())
                .topP(options.topP())
                .maxTokens(options.maxTokens())
                .streamUsage(true) // otherwise a stream reports no token usage
                .build();
        return OpenAiChatModel.builder().openAiApi(api.build()).defaultOptions(defaults).retryTemplate(retry)
                .observationRegistry(observations).build();
    }

    private ChatModel anthropic(ProviderEndpoint endpoint, EndpointOptions options, RestClient.Builder rest,
            WebClient.Builder web) {
        AnthropicApi.Builder api = AnthropicApi.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.apiKey())
                .restClientBuilder(rest)
                .webClientBuilder(web)
                .responseErrorHandler(errors);
        if (endpoint.completionsPath() != null) {
            api.completionsPath(endpoint.completionsPath());
        }
        AnthropicChatOptions defaults = AnthropicChatOptions.builder()
                .model(options.model())
                .temperature(options.temperature())
                .topP(options.topP())
                .maxTokens(options.maxTokens() != null ? options.maxTokens() : ANTHROPIC_MAX_TOKENS)
                .build();
        return AnthropicChatModel.builder().anthropicApi(api.build()).defaultOptions(defaults).retryTemplate(retry)
                .observationRegistry(observations).build();
    }

    private ChatModel ollama(ProviderEndpoint endpoint, EndpointOptions options, RestClient.Builder rest,
            WebClient.Builder web) {
        if (endpoint.hasKey()) {
            // An Ollama behind an authenticating proxy.
            rest.defaultHeaders(headers -> headers.setBearerAuth(endpoint.apiKey()));
            web.defaultHeaders(headers -> headers.setBearerAuth(endpoint.apiKey()));
        }
        OllamaApi api = OllamaApi.builder()
                .baseUrl(endpoint.baseUrl())
                .restClientBuilder(rest)
                .webClientBuilder(web)
                .responseErrorHandler(errors)
                .build();
        OllamaChatOptions defaults = OllamaChatOptions.builder()
                .model(options.model())
                .temperature(options.temperature())
                .topP(options.topP())
                .numPredict(options.maxTokens())
                .build();
        return OllamaChatModel.builder().ollamaApi(api).defaultOptions(defaults).retryTemplate(retry)
                .observationRegistry(observations).build();
    }
}
