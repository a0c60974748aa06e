package io.storyteller.ops.tracing;

import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.TracingProperties;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Spans are recorded only where they can go. Spring Boot's sampler records the configured share of
 * traces whether or not a span exporter exists; without one (no
 * {@code management.otlp.tracing.endpoint}), every recorded span (a GraphQL request's, each
 * command's, each event handler's in every processor) was built, queued and thrown away. Without an
 * exporter nothing is recorded: spans still carry trace ids, so log lines keep their
 * {@code traceId} and {@code spanId} and a client's {@code traceparent} still propagates. With one,
 * the configured share ({@code management.tracing.sampling.probability}) is recorded, as Spring Boot
 * does, and a sampled incoming trace is followed.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnClass({Sampler.class, SpanExporter.class, TracingProperties.class})
@EnableConfigurationProperties(TracingProperties.class)
public class TraceSamplingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Sampler otelSampler(ObjectProvider<SpanExporter> exporters, TracingProperties tracing) {
        if (exporters.stream().findAny().isEmpty()) {
            return Sampler.alwaysOff();
        }
        return Sampler.parentBased(Sampler.traceIdRatioBased(tracing.getSampling().getProbability()));
    }
}
