package io.storyteller.ops.healing;

import io.storyteller.command.healing.HealingActions;
import io.storyteller.ops.processing.ProcessorHolds;
import java.time.Clock;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The healers of event processing, each on its own schedule and off switch. Scheduling is enabled
 * here (also for the failover log's flush). The schedules stop when the application context closes,
 * before Axon stops its processors, so that a shutdown is never taken for a stuck processor.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(HealingProperties.class)
public class HealingConfiguration {

    @Bean
    @ConditionalOnProperty(prefix = "storyteller.healing.dead-letters", name = "enabled", havingValue = "true", matchIfMissing = true)
    DeadLetterHealer deadLetterHealer(ObjectProvider<EventProcessingConfiguration> processing, JdbcClient jdbc,
            HealingActions actions, HealingProperties properties) {
        return new DeadLetterHealer(processing, jdbc, actions, properties.deadLetters(), Clock.systemUTC());
    }

    @Bean
    @ConditionalOnProperty(prefix = "storyteller.healing.processors", name = "enabled", havingValue = "true", matchIfMissing = true)
    ProcessorHealer processorHealer(ObjectProvider<EventProcessingConfiguration> processing, ProcessorHolds holds,
            HealingActions actions, HealingProperties properties) {
        return new ProcessorHealer(processing, holds, actions, properties.processors(), Clock.systemUTC());
    }
}
