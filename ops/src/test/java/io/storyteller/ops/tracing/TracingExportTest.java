package io.storyteller.ops.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * Spans leave the process only towards a configured OTLP endpoint, and are recorded only then; Axon's
 * spans use the application's SDK.
 */
class TracingExportTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(OpenTelemetryAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
                    MessageTracingAutoConfiguration.class, TraceSamplingAutoConfiguration.class,
                    org.axonframework.springboot.autoconfig.OpenTelemetryAutoConfiguration.class));

    @Test
    void withoutAnEndpointNoSpanExporterExists() {
        runner.run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(SpanExporter.class);
            assertThat(context).getBean(SpanFactory.class).isInstanceOf(OpenTelemetrySpanFactory.class);
        });
    }

    @Test
    void anEndpointTurnsTheOtlpExporterOn() {
        runner.withPropertyValues("management.otlp.tracing.endpoint=http://127.0.0.1:4318/v1/traces").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).hasSingleBean(OtlpHttpSpanExporter.class);
            assertThat(context).hasSingleBean(SpanFactory.class);
        });
    }

    @Test
    void withoutAnEndpointSpansAreNotRecordedButKeepTheirTraceIds() {
        runner.run(context -> {
            Span span = context.getBean(Tracer.class).spanBuilder("request").startSpan();
            try {
                assertThat(span.isRecording()).isFalse();
                assertThat(span.getSpanContext().isValid()).as("a trace id for the log lines").isTrue();
            } finally {
                span.end();
            }
        });
    }

    @Test
    void withAnEndpointTheConfiguredShareIsRecorded() {
        runner.withPropertyValues("management.otlp.tracing.endpoint=http://127.0.0.1:4318/v1/traces",
                "management.tracing.sampling.probability=1.0").run(context -> {
            Span span = context.getBean(Tracer.class).spanBuilder("request").startSpan();
            try {
                assertThat(span.isRecording()).isTrue();
            } finally {
                span.end();
            }
            assertThat(context.getBean(Sampler.class).getDescription()).contains("TraceIdRatioBased{1.000000}");
        });
        runner.withPropertyValues("management.otlp.tracing.endpoint=http://127.0.0.1:4318/v1/traces",
                "management.tracing.sampling.probability=0.0").run(context ->
                assertThat(context.getBean(Tracer.class).spanBuilder("request").startSpan().isRecording()).isFalse());
    }
}
