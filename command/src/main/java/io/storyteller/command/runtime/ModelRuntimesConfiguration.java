package io.storyteller.command.runtime;

import io.storyteller.command.housemodel.GenerationSettings;
import io.storyteller.command.housemodel.HouseModelProperties;
import io.storyteller.command.housemodel.HouseModelStore;
import java.util.Map;
import org.springframework.ai.anthropic.AnthropicChatModel;
import org.springframework.ai.ollama.OllamaChatModel;
import org.springframework.ai.openai.OpenAiChatModel;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@link ModelRuntimes} bean. House versions come from the house model store when house models
 * are enabled; provider models from whichever of Spring AI's OpenAI, Anthropic and Ollama chat
 * models are configured, looked up per call so that their definition order does not matter.
 */
@Configuration(proxyBeanMethods = false)
public class ModelRuntimesConfiguration {

    /** Closed by Spring on shutdown ({@link AutoCloseable}), which closes every loaded house version. */
    @Bean
    HouseModelVersions houseModelVersions(ObjectProvider<HouseModelStore> store,
            ObjectProvider<HouseModelProperties> properties) {
        GenerationSettings generation = properties.getIfAvailable(HouseModelProperties::defaults).generationSettings();
        return new HouseModelVersions(store.getIfAvailable(), generation);
    }

    @Bean
    ModelRuntimes modelRuntimes(HouseModelVersions house,
            ObjectProvider<OpenAiChatModel> openAi,
            ObjectProvider<AnthropicChatModel> anthropic,
            ObjectProvider<OllamaChatModel> ollama,
            ObjectProvider<QueryGateway> queries) {
        return new ModelRuntimeDirectory(house, new ProviderChatModels(Map.of(
                "openai", openAi::getIfAvailable,
                "anthropic", anthropic::getIfAvailable,
                "ollama", ollama::getIfAvailable)), new RegisteredVariants(queries::getIfAvailable));
    }
}
