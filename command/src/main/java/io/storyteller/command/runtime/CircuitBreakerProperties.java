package io.storyteller.command.runtime;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import java.time.Duration;
import java.util.regex.Pattern;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The circuit breaker each provider endpoint has ({@code storyteller.provider-circuit-breaker.*}).
 * A failure is a call that failed after Spring AI's retries; a request the provider refused as
 * malformed (HTTP 400, 404, 413, 422) says nothing about the endpoint's health and does not count.
 *
 * @param enabled              false: calls always go through
 * @param failureRateThreshold percentage of failed calls among the last {@code window} that opens it
 * @param window               calls looked at
 * @param minimumCalls         calls needed before the rate is judged
 * @param openFor              how long calls fail at once before a few are let through again
 * @param halfOpenCalls        calls let through to decide whether to close it again
 */
@ConfigurationProperties("storyteller.provider-circuit-breaker")
public record CircuitBreakerProperties(@DefaultValue("true") boolean enabled,
        @DefaultValue("50") float failureRateThreshold,
        @DefaultValue("20") int window,
        @DefaultValue("10") int minimumCalls,
        @DefaultValue("30s") Duration openFor,
        @DefaultValue("2") int halfOpenCalls) {

    private static final Pattern REQUEST_FAULT = Pattern.compile("^HTTP (400|404|413|422)\\b");

    public CircuitBreakerProperties {
        String at = "storyteller.provider-circuit-breaker.";
        if (failureRateThreshold <= 0 || failureRateThreshold > 100) {
            throw new IllegalArgumentException(at + "failure-rate-threshold must be above 0 and at most 100");
        }
        if (window < 1 || minimumCalls < 1 || halfOpenCalls < 1) {
            throw new IllegalArgumentException(at + "window, minimum-calls and half-open-calls must be at least 1");
        }
        if (openFor == null || openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException(at + "open-for must be positive");
        }
    }

    public static CircuitBreakerProperties defaults() {
        return new CircuitBreakerProperties(true, 50, 20, 10, Duration.ofSeconds(30), 2);
    }

    CircuitBreakerConfig config() {
        return CircuitBreakerConfig.custom()
                .failureRateThreshold(failureRateThreshold)
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(window)
                .minimumNumberOfCalls(minimumCalls)
                .waitDurationInOpenState(openFor)
                .permittedNumberOfCallsInHalfOpenState(halfOpenCalls)
                .recordException(CircuitBreakerProperties::countsAgainstTheEndpoint)
                .build();
    }

    static boolean countsAgainstTheEndpoint(Throwable failure) {
        return !(failure instanceof NonTransientAiException
                && failure.getMessage() != null && REQUEST_FAULT.matcher(failure.getMessage()).find());
    }
}
