package io.storyteller.command.narration;

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
 * Chooses the narrator by {@code storyteller.narrator.provider}. The LLM providers' chat models
 * are Spring AI's auto-configured beans, enabled by {@code spring.ai.model.chat=<provider>}; a
 * provider chosen here without its bean fails the start with a message saying what to set.
 * Provider HTTP errors are handled by {@link ProviderErrorHandling}.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({NarrationProperties.class, NarratorProperties.class})
@Import(ProviderErrorHandling.class)
public class NarratorModelsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(NarratorModelsConfiguration.class);

    @Bean
    NarratorModels narratorModels(NarratorProperties narrator,
            ObjectProvider<HouseNarrators> house,
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
                throw new NarratorFailure("no house model runtime is available");
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
