package io.storyteller.ops.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Wires the platform's meters. Their group is a subscribing processor: meters count what happens
 * now, in the instance where it happens; a streaming processor would count history again after
 * every reset or on every new instance.
 */
@Configuration(proxyBeanMethods = false)
class PlatformMetricsProcessing {

    @Bean
    PlatformMetrics platformMetrics(MeterRegistry registry, JdbcClient jdbc) {
        return new PlatformMetrics(registry, TokenPrices.registered(jdbc));
    }

    @Bean
    ConfigurerModule platformMetricsSubscribing() {
        return configurer -> configurer.eventProcessing().registerSubscribingEventProcessor(PlatformMetrics.GROUP);
    }
}
