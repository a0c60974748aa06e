package io.storyteller.graphql.limits;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.security.SecurityProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The limits on one GraphQL request: depth, complexity and body size. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlLimits.class)
public class QueryLimits {

    @Bean
    DepthLimit graphQlDepthLimit(GraphQlLimits limits) {
        return new DepthLimit(limits.maxDepth());
    }

    @Bean
    ComplexityLimit graphQlComplexityLimit(GraphQlLimits limits) {
        return new ComplexityLimit(limits.maxComplexity(), limits.defaultPageSize());
    }

    /** Runs before Spring Security so that an oversized body costs nothing, not even a token check. */
    @Bean
    FilterRegistrationBean<RequestSizeLimit> graphQlRequestSizeLimit(GraphQlLimits limits,
            @Value("${spring.graphql.http.path:/graphql}") String graphQlPath) {
        var registration = new FilterRegistrationBean<>(new RequestSizeLimit(limits.maxRequestBytes().toBytes()));
        registration.addUrlPatterns(graphQlPath);
        registration.setOrder(SecurityProperties.DEFAULT_FILTER_ORDER - 10);
        return registration;
    }
}
