package io.storyteller.command.training.openai;

import io.storyteller.command.endpoint.ProviderEndpoints;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code openai} training backend, on the configured provider endpoints. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenAiFineTuningProperties.class)
public class OpenAiTrainingConfiguration {

    @Bean
    OpenAiFineTuningBackend openAiFineTuningBackend(ProviderEndpoints endpoints, OpenAiFineTuningProperties properties) {
        return new OpenAiFineTuningBackend(endpoints, properties);
    }
}
