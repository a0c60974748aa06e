package io.storyteller.command.runtime;

import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.storyteller.command.endpoint.ProviderEndpoint;
import io.storyteller.command.endpoint.ProviderEndpoints;
import io.storyteller.command.endpoint.ProviderKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.ai.chat.model.ChatModel;

/**
 * One chat model per provider endpoint, each behind its own circuit breaker, made on first use
 * and kept. An endpoint declared under {@code storyteller.providers} gets a chat model built for
 * it; the names {@code openai}, {@code anthropic} and {@code ollama}, when not declared, are served
 * as before by the chat model Spring AI auto-configured for that kind (absent unless
 * {@code spring.ai.model.chat} names it).
 */
final class EndpointChatModels {

    private final ProviderEndpoints endpoints;
    private final Map<ProviderKind, Supplier<? extends ChatModel>> springAi;
    private final Function<ProviderEndpoint, ChatModel> builder;
    private final CircuitBreakerRegistry breakers;
    private final boolean breaking;
    private final Map<String, ChatModel> made = new ConcurrentHashMap<>();

    /**
     * @param springAi Spring AI's auto-configured chat model per kind; a supplier answers null when there is none
     * @param builder  makes a declared endpoint's chat model
     */
    EndpointChatModels(ProviderEndpoints endpoints, Map<ProviderKind, Supplier<? extends ChatModel>> springAi,
            Function<ProviderEndpoint, ChatModel> builder, CircuitBreakerProperties breaker) {
        this.endpoints = endpoints;
        this.springAi = Map.copyOf(springAi);
        this.builder = builder;
        this.breakers = CircuitBreakerRegistry.of(breaker.config());
        this.breaking = breaker.enabled();
    }

    /** Every endpoint name, each with a supplier that answers null while that endpoint has no chat model. */
    Map<String, Supplier<? extends ChatModel>> byName() {
        Map<String, Supplier<? extends ChatModel>> byName = new LinkedHashMap<>();
        for (ProviderKind kind : ProviderKind.values()) {
            byName.put(kind.configName(), () -> chatModel(kind.configName()));
        }
        endpoints.all().forEach(endpoint -> byName.put(endpoint.name(), () -> chatModel(endpoint.name())));
        return byName;
    }

    /** The endpoint's chat model, or null when it has none (an undeclared kind name Spring AI did not configure). */
    ChatModel chatModel(String name) {
        return made.computeIfAbsent(name, key -> {
            ChatModel model = endpoints.declares(key) ? builder.apply(endpoints.named(key).orElseThrow()) : springAiModel(key);
            return model == null ? null : guarded(key, model);
        });
    }

    private ChatModel springAiModel(String name) {
        return ProviderKind.named(name).filter(kind -> kind.configName().equals(name))
                .map(springAi::get).map(Supplier::get).orElse(null);
    }

    private ChatModel guarded(String name, ChatModel model) {
        return breaking ? new CircuitBreakingChatModel(model, breakers.circuitBreaker(name)) : model;
    }
}
