package io.storyteller.command.endpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/** The provider endpoints, read and checked once at the start (a bad declaration stops it). */
@Configuration(proxyBeanMethods = false)
public class EndpointConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EndpointConfiguration.class);

    @Bean
    ProviderEndpoints providerEndpoints(Environment environment) {
        ProviderEndpoints endpoints = ProviderEndpoints.configured(environment);
        if (!endpoints.all().isEmpty()) {
            log.info("Provider endpoints: {}", endpoints.all());
        }
        return endpoints;
    }
}
