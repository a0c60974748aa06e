package io.storyteller.command.runtime;

import io.storyteller.command.housemodel.serving.GenerationSettings;
import io.storyteller.command.housemodel.training.HouseModelProperties;
import io.storyteller.command.housemodel.training.HouseModelStore;
import java.util.Map;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The runtimes: {@link ModelRuntimes} for the model versions deployments route to, and the
 * {@link ConfiguredRuntime} chosen by {@code storyteller.narrator.provider}. House versions come
 * from the house model store when house models are enabled; provider models from whichever of
 * Spring AI's OpenAI, Anthropic and Ollama chat models are configured (enabled by
 * {@code spring.ai.model.chat=<provider>}), looked up per call so that their definition order does
 * not matter. Provider HTTP errors are handled by {@link ProviderErrorHandling}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NarratorProperties.class)
@Import(ProviderErrorHandling.class)
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
    ModelRuntimes modelRuntimes(PinnedHouseVersions house,
            ObjectProvider<OpenAiChatModel> openAi,
            ObjectProvider<AnthropicChatModel> anthropic,
            ObjectProvider<OllamaChatModel> ollama,
            ObjectProvider<QueryGateway> queries) {
        return new RuntimesByProvider(house, new ProviderRuntimes(Map.of(
                "openai", openAi::getIfAvailable,
                "anthropic", anthropic::getIfAvailable,
                "ollama", ollama::getIfAvailable)), new RegisteredVariants(queries::getIfAvailable));
    }

    /** A provider chosen without its Spring AI chat model fails the start with a message saying what to set. */
    @Bean
    ConfiguredRuntime configuredRuntime(NarratorProperties narrator,
            ObjectProvider<NewestHouseVersions> house,
            ObjectProvider<OpenAiChatModel> openAi,
            ObjectProvider<AnthropicChatModel> anthropic,
            ObjectProvider<OllamaChatModel> ollama) {
        NarratorProvider provider = narrator.provider();
        ChatModel model = switch (provider) {
            case HOUSE -> null;
            case OPENAI -> openAi.getIfAvailable();
            case ANTHROPIC -> anthropic.getIfAvailable();
            case OLLAMA -> ollama.getIfAvailable();
        };
        if (provider == NarratorProvider.HOUSE) {
            log.info("Narrator: each world's house model");
            // Looked up per call: the house runtime may be defined after this bean.
            return worldId -> house.getIfAvailable(() -> {
                throw new ModelUnavailableException("no house model runtime is available");
            }).forWorld(worldId);
        }
        if (model == null) {
            throw new IllegalStateException("storyteller.narrator.provider=" + provider.springAiName()
                    + " but Spring AI configured no " + provider.springAiName() + " chat model: set spring.ai.model.chat="
                    + provider.springAiName() + " and the spring.ai." + provider.springAiName() + ".* connection properties");
        }
        log.info("Narrator: {} (model {})", provider.springAiName(), ModelNames.configured(model, provider.springAiName()));
        return worldId -> model;
    }
}
