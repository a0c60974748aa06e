package io.storyteller.command.runtime;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.reactor.circuitbreaker.operator.CircuitBreakerOperator;
import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import reactor.core.publisher.Flux;

/**
 * An endpoint's chat model behind its circuit breaker: once too many of its calls have failed
 * (after Spring AI's retries), further calls fail at once for a while instead of waiting on a dead
 * server, so an ensemble's other candidates and the other endpoints go on unhindered. A stream
 * counts when it completes or fails; one cancelled (a deadline, a client gone) does not count.
 */
final class CircuitBreakingChatModel implements ChatModel {

    private final ChatModel endpoint;
    private final CircuitBreaker breaker;

    CircuitBreakingChatModel(ChatModel endpoint, CircuitBreaker breaker) {
        this.endpoint = endpoint;
        this.breaker = breaker;
    }

    @Override
    public ChatResponse call(Prompt prompt) {
        try {
            return breaker.executeSupplier(() -> endpoint.call(prompt));
        } catch (CallNotPermittedException e) {
            throw paused(e);
        }
    }

    @Override
    public Flux<ChatResponse> stream(Prompt prompt) {
        return Flux.defer(() -> endpoint.stream(prompt))
                .transformDeferred(CircuitBreakerOperator.of(breaker))
                .onErrorMap(CallNotPermittedException.class, this::paused);
    }

    @Override
    public ChatOptions getDefaultOptions() {
        return endpoint.getDefaultOptions();
    }

    CircuitBreaker.State state() {
        return breaker.getState();
    }

    /** Worded to be safe to record and show: the endpoint's name only. The cause tells failover that the provider is down. */
    private ModelUnavailableException paused(CallNotPermittedException open) {
        return new ModelUnavailableException("provider endpoint " + breaker.getName()
                + " is failing: calls to it are paused for a while", open);
    }
}
