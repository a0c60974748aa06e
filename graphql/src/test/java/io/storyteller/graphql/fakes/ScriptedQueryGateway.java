package io.storyteller.graphql.fakes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Stream;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryBackpressure;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * Test double: answers queries by their class with scripted results (converted by the asked response
 * type, as Axon does), records what was asked, and plays subscription queries from a sink.
 */
public class ScriptedQueryGateway implements QueryGateway {

    /** One subscription query as the gateway saw it. */
    public record Watch(Object query, ResponseType<?> initialType, ResponseType<?> updateType,
                        Sinks.Many<Object> updates, AtomicBoolean cancelled) {
    }

    private final Map<Class<?>, Function<Object, Object>> answers = new ConcurrentHashMap<>();
    private final List<Object> asked = new CopyOnWriteArrayList<>();
    private final List<ResponseType<?>> responseTypes = new CopyOnWriteArrayList<>();
    private final List<Watch> watches = new CopyOnWriteArrayList<>();
    private volatile Optional<Object> initialResult = Optional.empty();

    public void reset() {
        answers.clear();
        asked.clear();
        responseTypes.clear();
        watches.clear();
        initialResult = Optional.empty();
    }

    public <Q> void answer(Class<Q> queryType, Function<Q, Object> answer) {
        answers.put(queryType, query -> answer.apply(queryType.cast(query)));
    }

    /** What WatchStory's initial result is: a StoryView, or null when the caller may not see the story. */
    public void watchedStory(Object story) {
        initialResult = Optional.ofNullable(story);
    }

    /** What a subscription query's initial result is, converted by its initial response type (e.g. a list). */
    public void watchInitially(Object result) {
        initialResult = Optional.ofNullable(result);
    }

    public List<Object> asked() {
        return List.copyOf(asked);
    }

    public List<ResponseType<?>> responseTypes() {
        return List.copyOf(responseTypes);
    }

    public List<Watch> watches() {
        return List.copyOf(watches);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <R, Q> CompletableFuture<R> query(String queryName, Q query, ResponseType<R> responseType) {
        asked.add(query);
        responseTypes.add(responseType);
        Function<Object, Object> answer = answers.get(query.getClass());
        if (answer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no scripted answer for " + query));
        }
        try {
            return CompletableFuture.completedFuture(responseType.convert(answer.apply(query)));
        } catch (RuntimeException failure) {
            return CompletableFuture.failedFuture(failure);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q, I, U> SubscriptionQueryResult<I, U> subscriptionQuery(String queryName, Q query,
            ResponseType<I> initialResponseType, ResponseType<U> updateResponseType, int updateBufferSize) {
        asked.add(query);
        Watch watch = new Watch(query, initialResponseType, updateResponseType,
                Sinks.many().multicast().onBackpressureBuffer(), new AtomicBoolean());
        watches.add(watch);
        Mono<I> initial = Mono.fromSupplier(() -> initialResponseType.convert(initialResult.orElse(null)));
        return new DefaultSubscriptionQueryResult<>(initial, (reactor.core.publisher.Flux<U>) watch.updates().asFlux(),
                () -> {
                    watch.cancelled().set(true);
                    return true;
                });
    }

    @Override
    @SuppressWarnings("deprecation")
    public <Q, I, U> SubscriptionQueryResult<I, U> subscriptionQuery(String queryName, Q query,
            ResponseType<I> initialResponseType, ResponseType<U> updateResponseType,
            SubscriptionQueryBackpressure backpressure, int updateBufferSize) {
        return subscriptionQuery(queryName, query, initialResponseType, updateResponseType, updateBufferSize);
    }

    @Override
    public <R, Q> Publisher<R> streamingQuery(String queryName, Q query, Class<R> responseType) {
        throw new UnsupportedOperationException("the API does not stream queries");
    }

    @Override
    public <R, Q> Stream<R> scatterGather(String queryName, Q query, ResponseType<R> responseType, long timeout,
            TimeUnit unit) {
        throw new UnsupportedOperationException("the API does not scatter queries");
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor) {
        return () -> true;
    }
}
