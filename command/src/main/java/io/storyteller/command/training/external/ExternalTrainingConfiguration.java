package io.storyteller.command.training.external;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code command} training backend; it answers "not configured" until a program is set. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ExternalCommandProperties.class)
public class ExternalTrainingConfiguration {

    @Bean
    ExternalCommandBackend externalCommandBackend(ExternalCommandProperties properties) {
        return new ExternalCommandBackend(properties);
    }
}
