package io.storyteller.ops.tracing;

import io.opentelemetry.api.OpenTelemetry;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * Axon's spans (command dispatch and handling, event publication and handling, queries, aggregate
 * loading) on the application's OpenTelemetry SDK, the one Micrometer Tracing bridges to: a GraphQL
 * request's span is their parent, and the trace context travels in the messages' metadata to event
 * processors and sagas. Axon's own auto-configuration would use the global OpenTelemetry, which
 * Spring Boot never installs, and every span would be dropped.
 * <p>
 * Spans are exported only when {@code management.otlp.tracing.endpoint} is set (Spring Boot's OTLP
 * exporter is conditional on it); without it they are not recorded ({@link TraceSamplingAutoConfiguration})
 * and still give every log line its trace id.
 */
@AutoConfiguration(
        after = org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration.class,
        before = org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration.class)
@ConditionalOnClass({OpenTelemetry.class, OpenTelemetrySpanFactory.class})
@ConditionalOnBean(OpenTelemetry.class)
public class MessageTracingAutoConfiguration {

    /** The instrumentation scope Axon's spans are reported under. */
    static final String SCOPE = "AxonFramework-OpenTelemetry";

    @Bean
    SpanFactory spanFactory(OpenTelemetry openTelemetry) {
        return OpenTelemetrySpanFactory.builder()
                .tracer(openTelemetry.getTracer(SCOPE))
                .contextPropagators(openTelemetry.getPropagators().getTextMapPropagator())
                .build();
    }
}
