package io.storyteller.ops.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * The structured-log switch the README documents ({@code logging.structured.format.console=ecs}),
 * with the application's tracing stack: one JSON object per line, carrying the trace and span ids of
 * the span it was written in.
 */
@ExtendWith(OutputCaptureExtension.class)
class StructuredLogLinesTest {

    @Test
    void eachLineIsOneJsonObjectWithTheTraceAndSpanIdsOfItsSpan(CapturedOutput output) throws Exception {
        String traceId;
        String spanId;
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Traced.class)
                .web(WebApplicationType.NONE)
                .properties("logging.structured.format.console=ecs", "spring.main.banner-mode=off",
                        "spring.application.name=storyteller")
                .run()) {
            Tracer tracer = context.getBean(Tracer.class);
            Span span = tracer.nextSpan().name("turn").start();
            try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
                LoggerFactory.getLogger(StructuredLogLinesTest.class).info("The lantern is lit.");
            } finally {
                span.end();
            }
            traceId = span.context().traceId();
            spanId = span.context().spanId();
        }

        List<String> lines = output.getOut().lines().filter(line -> line.contains("The lantern is lit.")).toList();
        assertThat(lines).hasSize(1);
        String captured = lines.getFirst();
        // the test JVM's stdout may be prefixed by the build's own log capture; the line proper is the object
        JsonNode line = new ObjectMapper().readTree(captured.substring(captured.indexOf('{')));
        assertThat(line.path("message").asText()).isEqualTo("The lantern is lit.");
        assertThat(line.at("/log/level").asText()).isEqualTo("INFO");
        assertThat(line.at("/service/name").asText()).isEqualTo("storyteller");
        assertThat(line.path("traceId").asText()).isEqualTo(traceId);
        assertThat(line.path("spanId").asText()).isEqualTo(spanId);
    }

    @Configuration(proxyBeanMethods = false)
    @ImportAutoConfiguration({ObservationAutoConfiguration.class, OpenTelemetryAutoConfiguration.class,
            OpenTelemetryTracingAutoConfiguration.class, MicrometerTracingAutoConfiguration.class})
    static class Traced {
    }
}
