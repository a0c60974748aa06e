package io.storyteller.command.runtime;

import io.micrometer.observation.ObservationRegistry;
import io.storyteller.command.endpoint.ProviderEndpoint;
import org.springframework.ai.document.MetadataMode;
import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.model.NoopApiKey;
import org.springframework.ai.model.SimpleApiKey;
import org.springframework.ai.ollama.OllamaEmbeddingModel;
import org.springframework.ai.ollama.api.OllamaApi;
import org.springframework.ai.ollama.api.OllamaEmbeddingOptions;
import org.springframework.ai.openai.OpenAiEmbeddingModel;
import org.springframework.ai.openai.OpenAiEmbeddingOptions;
import org.springframework.ai.openai.api.OpenAiApi;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * Builds Spring AI's embedding model for one model of an endpoint, on the endpoint's HTTP clients
 * and with the same body-free error handling and retries as its chat models
 * ({@link ProviderErrorHandling}).
 */
final class SpringAiEmbeddingModels {

    private final RetryTemplate retry;
    private final ResponseErrorHandler errors;
    private final ObservationRegistry observations;

    SpringAiEmbeddingModels(RetryTemplate retry, ResponseErrorHandler errors, ObservationRegistry observations) {
        this.retry = retry;
        this.errors = errors;
        this.observations = observations;
    }

    EmbeddingModel build(ProviderEndpoint endpoint, String model) {
        EndpointHttp http = EndpointHttp.of(endpoint);
        return switch (endpoint.kind()) {
            case OPENAI -> openAi(endpoint, model, http);
            case OLLAMA -> ollama(endpoint, model, http);
            case ANTHROPIC -> throw new ModelUnavailableException("endpoint " + endpoint.name()
                    + " is an anthropic endpoint, and Anthropic serves no embedding models");
        };
    }

    private EmbeddingModel openAi(ProviderEndpoint endpoint, String model, EndpointHttp http) {
        OpenAiApi api = OpenAiApi.builder()
                .baseUrl(endpoint.baseUrl())
                .apiKey(endpoint.hasKey() ? new SimpleApiKey(endpoint.apiKey()) : new NoopApiKey())
                .restClientBuilder(http.rest())
                .webClientBuilder(http.web())
                .responseErrorHandler(errors)
                .build();
        return new OpenAiEmbeddingModel(api, MetadataMode.NONE, OpenAiEmbeddingOptions.builder().model(model).build(),
                retry, observations);
    }

    private EmbeddingModel ollama(ProviderEndpoint endpoint, String model, EndpointHttp http) {
        if (endpoint.hasKey()) {
            // An Ollama behind an authenticating proxy.
            http.rest().defaultHeaders(headers -> headers.setBearerAuth(endpoint.apiKey()));
            http.web().defaultHeaders(headers -> headers.setBearerAuth(endpoint.apiKey()));
        }
        OllamaApi api = OllamaApi.builder()
                .baseUrl(endpoint.baseUrl())
                .restClientBuilder(http.rest())
                .webClientBuilder(http.web())
                .responseErrorHandler(errors)
                .build();
        return OllamaEmbeddingModel.builder().ollamaApi(api)
                .defaultOptions(OllamaEmbeddingOptions.builder().model(model).build())
                .observationRegistry(observations).build();
    }
}
