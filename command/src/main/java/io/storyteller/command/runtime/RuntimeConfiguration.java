package io.storyteller.command.runtime;

import io.micrometer.observation.ObservationRegistry;
import io.storyteller.command.endpoint.EndpointConfiguration;
import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.command.endpoint.ProviderKind;
import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.training.HouseModelProperties;
import io.storyteller.command.housemodel.training.HouseModelStore;
import io.storyteller.command.runtime.onnx.LocalOnnxModels;
import io.storyteller.command.runtime.onnx.RegisteredArtifacts;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.retry.support.RetryTemplate;
import org.springframework.web.client.ResponseErrorHandler;

/**
 * The runtimes: {@link ModelRuntimes} for the model versions deployments route to, and the
 * {@link ConfiguredRuntime} chosen by {@code storyteller.narrator.provider}. House versions come
 * from the house model store when house models are enabled; provider models from the provider
 * endpoints ({@link EndpointChatModels}): those declared under {@code storyteller.providers}, and
 * Spring AI's auto-configured OpenAI, Anthropic or Ollama chat model (enabled by
 * {@code spring.ai.model.chat=<kind>}) under its kind's name, looked up per call so that their
 * definition order does not matter. Provider HTTP errors are handled by {@link ProviderErrorHandling}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NarratorProperties.class, CircuitBreakerProperties.class})
@Import({ProviderErrorHandling.class, EndpointConfiguration.class})
public class RuntimeConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RuntimeConfiguration.class);

    /** Closed by Spring on shutdown ({@link AutoCloseable}), which closes every loaded house version. */
    @Bean
    PinnedHouseVersions pinnedHouseVersions(ObjectProvider<HouseModelStore> store,
            ObjectProvider<HouseModelProperties> properties) {
        GenerationSettings generation = properties.getIfAvailable(HouseModelProperties::defaults).generationSettings();
        return new PinnedHouseVersions(store.getIfAvailable(), generation);
    }

    @Bean
    EndpointChatModels endpointChatModels(ProviderEndpoints endpoints, CircuitBreakerProperties breaker,
            RetryTemplate retryTemplate, ResponseErrorHandler responseErrorHandler,
            ObjectProvider<ObservationRegistry> observations,
            ObjectProvider<OpenAiChatModel> openAi,
            ObjectProvider<AnthropicChatModel> anthropic,
            ObjectProvider<OllamaChatModel> ollama) {
        SpringAiChatModels builder = new SpringAiChatModels(retryTemplate, responseErrorHandler,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        return new EndpointChatModels(endpoints, Map.of(
                ProviderKind.OPENAI, openAi::getIfAvailable,
                ProviderKind.ANTHROPIC, anthropic::getIfAvailable,
                ProviderKind.OLLAMA, ollama::getIfAvailable), builder::build, breaker);
    }

    /** Embedding models of the provider endpoints, for embedder slots served by one. */
    @Bean
    EmbeddingRuntimes embeddingRuntimes(ProviderEndpoints endpoints, CircuitBreakerProperties breaker,
            RetryTemplate retryTemplate, ResponseErrorHandler responseErrorHandler,
            ObjectProvider<ObservationRegistry> observations) {
        SpringAiEmbeddingModels builder = new SpringAiEmbeddingModels(retryTemplate, responseErrorHandler,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
        return new EndpointEmbeddingModels(endpoints, builder::build, breaker);
    }

    /**
     * Versions whose artifact is a local ONNX export (Hugging Face downloads), loaded in-process on first
     * use; closed by Spring on shutdown. Narrating ones sample like the house model unless the prompt says otherwise.
     */
    @Bean
    LocalOnnxModels localOnnxModels(ObjectProvider<QueryGateway> queries, ObjectProvider<HouseModelProperties> properties,
            @Value("${storyteller.data-dir:./data}") Path dataDirectory) {
        GenerationSettings generation = properties.getIfAvailable(HouseModelProperties::defaults).generationSettings();
        return new LocalOnnxModels(new RegisteredArtifacts(queries::getIfAvailable), generation, dataDirectory);
    }

    @Bean
    ModelRuntimes modelRuntimes(PinnedHouseVersions house, EndpointChatModels endpoints,
            ObjectProvider<QueryGateway> queries, LocalOnnxModels local) {
        return new RuntimesByProvider(house, new ProviderRuntimes(endpoints.byName()),
                new RegisteredVariants(queries::getIfAvailable), local);
    }

    /** A narrator endpoint that cannot serve fails the start with a message saying what to set. */
    @Bean
    ConfiguredRuntime configuredRuntime(NarratorProperties narrator, ObjectProvider<DefaultHouseVersions> house,
            ProviderEndpoints endpoints, EndpointChatModels endpointModels) {
        NarratorProvider provider = narrator.provider();
        if (provider.isHouse()) {
            log.info("Narrator: each world's house model");
            // Looked up per call: the house runtime may be defined after this bean.
            return worldId -> house.getIfAvailable(() -> {
                throw new ModelUnavailableException("no house model runtime is available");
            }).forWorld(worldId);
        }
        String name = provider.name();
        Optional<ProviderEndpoint> declared = endpoints.named(name).filter(endpoint -> !endpoint.fromSpringAi());
        if (declared.isPresent() && !declared.get().options().namesAModel()) {
            throw new IllegalStateException("storyteller.narrator.provider=" + name + " but " + declared.get().properties()
                    + ".options.model is not set: the narrator needs a model to ask that endpoint for");
        }
        ChatModel model = endpointModels.chatModel(name);
        if (model == null) {
            throw new IllegalStateException(missing(name));
        }
        log.info("Narrator: endpoint {} (model {})", name, ModelNames.configured(model, name));
        return worldId -> model;
    }

    private static String missing(String name) {
        boolean kindName = ProviderKind.named(name).filter(kind -> kind.configName().equals(name)).isPresent();
        if (kindName) {
            return "storyteller.narrator.provider=" + name + " but Spring AI configured no " + name
                    + " chat model: set spring.ai.model.chat=" + name + " and the spring.ai." + name
                    + ".* connection properties, or declare " + ProviderEndpoints.PREFIX + "." + name + ".kind and .base-url";
        }
        return "storyteller.narrator.provider=" + name + " names no provider endpoint: declare "
                + ProviderEndpoints.PREFIX + "." + name + ".kind and .base-url, or choose house, openai, anthropic or ollama";
    }
}
