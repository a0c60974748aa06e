package io.storyteller.command.continuity.recording;

import io.storyteller.command.continuity.ContinuityCheck;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The continuity engine (one, stateless) and the story-fact recorder's settings, {@code storyteller.story-facts.*}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(StoryFactsProperties.class)
public class StoryFactsConfiguration {

    @Bean
    ContinuityCheck continuityCheck() {
        return new ContinuityCheck();
    }
}
