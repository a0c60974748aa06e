package io.storyteller.ops.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The platform's meters, priced from the model registry's read model. */
@Configuration(proxyBeanMethods = false)
class PlatformMetricsConfiguration {

    @Bean
    PlatformMetrics platformMetrics(MeterRegistry registry, JdbcClient jdbc) {
        return new PlatformMetrics(registry, TokenPrices.registered(jdbc));
    }

    @Bean
    SpendGauges spendGauges(JdbcClient jdbc) {
        return new SpendGauges(jdbc);
    }
}
