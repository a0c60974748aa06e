package io.storyteller.command.narration.failover;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.storyteller.command.narration.failure.CannotNarrateException;
import io.storyteller.command.runtime.ModelUnavailableException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.springframework.ai.retry.NonTransientAiException;
import org.springframework.ai.retry.TransientAiException;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpServerErrorException;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.reactive.function.client.WebClientResponseException;

class ProviderOutageTest {

    @Test
    void aProviderThatCannotBeReachedOrDoesNotAnswerInTimeIsDown() {
        assertThat(ProviderOutage.isOutage(new ResourceAccessException("I/O error", new ConnectException("refused")))).isTrue();
        assertThat(ProviderOutage.isOutage(new RuntimeException(new SocketTimeoutException("read timed out")))).isTrue();
        assertThat(ProviderOutage.isOutage(new IllegalStateException(new TimeoutException()))).isTrue();
    }

    @Test
    void anOpenCircuitBreakerMeansTheProviderIsDown() {
        CallNotPermittedException open = CallNotPermittedException.createCallNotPermittedException(CircuitBreaker.ofDefaults("scribe"));

        assertThat(ProviderOutage.isOutage(new ModelUnavailableException("provider endpoint scribe is failing", open))).isTrue();
    }

    @Test
    void serverErrorsAndTooManyRequestsAreOutagesAndOtherClientErrorsAreNot() {
        assertThat(ProviderOutage.isOutage(new TransientAiException("HTTP 503 - Service Unavailable"))).isTrue();
        assertThat(ProviderOutage.isOutage(new NonTransientAiException("HTTP 429 - Too Many Requests"))).isTrue();
        assertThat(ProviderOutage.isOutage(new NonTransientAiException("HTTP 400 - Bad Request"))).isFalse();
        assertThat(ProviderOutage.isOutage(new NonTransientAiException("HTTP 401 - Unauthorized"))).isFalse();
        assertThat(ProviderOutage.isOutage(HttpServerErrorException.create(org.springframework.http.HttpStatus.BAD_GATEWAY,
                "Bad Gateway", HttpHeaders.EMPTY, new byte[0], StandardCharsets.UTF_8))).isTrue();
        assertThat(ProviderOutage.isOutage(WebClientResponseException.create(422, "Unprocessable", HttpHeaders.EMPTY,
                new byte[0], StandardCharsets.UTF_8))).isFalse();
        assertThat(ProviderOutage.isOutage(new RuntimeException("Response exception, Status: [529 Overloaded]"))).isTrue();
    }

    @Test
    void aModelThatCannotBeServedOrAnyOtherFailureIsNoOutage() {
        assertThat(ProviderOutage.isOutage(new ModelUnavailableException("model x@1 is not available"))).isFalse();
        assertThat(ProviderOutage.isOutage(new CannotNarrateException("no narrator"))).isFalse();
        assertThat(ProviderOutage.isOutage(new IllegalStateException("boom"))).isFalse();
    }
}
