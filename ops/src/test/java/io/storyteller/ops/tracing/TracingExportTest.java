package io.storyteller.ops.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.exporter.otlp.http.trace.OtlpHttpSpanExporter;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.axonframework.tracing.SpanFactory;
import org.axonframework.tracing.opentelemetry.OpenTelemetrySpanFactory;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Spans leave the process only towards a configured OTLP endpoint; Axon's spans use the application's SDK. */
class TracingExportTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
            AutoConfigurations.of(OpenTelemetryAutoConfiguration.class, OpenTelemetryTracingAutoConfiguration.class,
                    MicrometerTracingAutoConfiguration.class, OtlpTracingAutoConfiguration.class,
                    MessageTracingAutoConfiguration.class,
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
}
