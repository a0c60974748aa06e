package io.storyteller.graphql.transport;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.GraphQLError;
import graphql.execution.DataFetcherExceptionHandler;
import graphql.execution.ExecutionContext;
import graphql.execution.ExecutionStrategyParameters;
import graphql.execution.FetchedValue;
import graphql.execution.FieldValueInfo;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.language.AstPrinter;
import graphql.language.Field;
import java.io.IOException;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Predicate;

/**
 * graphql-java's subscription strategy, with each event's result computed and serialised once per
 * selection instead of once per subscriber. When thousands watch one story, every update used to
 * run the same selection set through graphql-java (data fetchers, instrumentation, observations)
 * and Jackson once per watcher, on the thread that emitted it. Here the first subscriber to take an
 * event with a given selection completes it as graphql-java would and writes it to JSON; every
 * other subscriber with the same selection gets that result (and its errors), and the WebSocket
 * message around it is all that is written per subscriber.
 * <p>
 * The selection is the subscribed field as written (arguments, aliases, sub-selections), the
 * operation's fragments, its variables and its locale: two subscriptions that differ in any of
 * these never share. Only events {@code shareable} accepts are shared, and they must be answered
 * the same for every viewer: no field reachable from their type may depend on who asks (the access
 * check is the subscription's own, made once when it starts). Events are held weakly, by identity,
 * for at most {@link #KEPT_FOR}: a subscriber that takes an event later computes it again.
 */
public final class SharedSubscriptionEvents extends SubscriptionExecutionStrategy {

    static final Duration KEPT_FOR = Duration.ofMinutes(1);
    private static final String SELECTION = SharedSubscriptionEvents.class.getName() + ".selection";

    private final Predicate<Object> shareable;
    private final ObjectMapper json;
    private final Cache<Object, ConcurrentMap<String, CompletableFuture<Completed>>> completed = Caffeine.newBuilder()
            .weakKeys().expireAfterWrite(KEPT_FOR).build();

    public SharedSubscriptionEvents(DataFetcherExceptionHandler exceptionHandler, Predicate<Object> shareable,
            ObjectMapper json) {
        super(exceptionHandler);
        this.shareable = shareable;
        this.json = json;
    }

    /** One event's result for one selection: its value as JSON and the errors completing it raised. */
    private record Completed(Object value, List<GraphQLError> errors) {
    }

    @Override
    protected FieldValueInfo completeField(ExecutionContext context, ExecutionStrategyParameters parameters,
            FetchedValue fetched) {
        Object event = fetched.getFetchedValue();
        if (event == null || !shareable.test(event)) {
            return super.completeField(context, parameters, fetched);
        }
        String selection = context.getGraphQLContext().computeIfAbsent(SELECTION, key -> selection(context, parameters));
        ConcurrentMap<String, CompletableFuture<Completed>> bySelection =
                completed.get(event, key -> new ConcurrentHashMap<>());
        CompletableFuture<Completed> mine = new CompletableFuture<>();
        CompletableFuture<Completed> first = bySelection.putIfAbsent(selection, mine);
        if (first == null) {
            FieldValueInfo info = super.completeField(context, parameters, fetched);
            CompletableFuture<Object> value = info.getFieldValueFuture().thenApply(this::serialised);
            value.whenComplete((result, failure) -> {
                if (failure != null) {
                    bySelection.remove(selection, mine); // the next subscriber tries again
                    mine.completeExceptionally(failure);
                } else {
                    mine.complete(new Completed(result, List.copyOf(context.getErrors())));
                }
            });
            return new FieldValueInfo(info.getCompleteValueType(), value);
        }
        CompletableFuture<Object> value = first.thenApply(shared -> {
            context.addErrors(shared.errors());
            return shared.value();
        });
        return new FieldValueInfo(FieldValueInfo.CompleteValueType.OBJECT, value);
    }

    /** The subscribed field as written, with everything else that can change its result. */
    private static String selection(ExecutionContext context, ExecutionStrategyParameters parameters) {
        StringBuilder key = new StringBuilder();
        for (Field field : parameters.getField().getFields()) {
            key.append(AstPrinter.printAstCompact(field)).append('\n');
        }
        new TreeMap<>(context.getFragmentsByName()).values()
                .forEach(fragment -> key.append(AstPrinter.printAstCompact(fragment)).append('\n'));
        key.append(new TreeMap<>(context.getCoercedVariables().toMap())).append('\n');
        key.append(context.getLocale());
        return key.toString();
    }

    @SuppressWarnings("unchecked")
    private Object serialised(Object value) {
        if (!(value instanceof Map<?, ?> map)) {
            return value;
        }
        try {
            return new SerialisedResult((Map<String, Object>) map, json.writeValueAsString(map));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a subscription event's result could not be written as JSON", e);
        }
    }

    /**
     * A completed selection with its JSON: a map to whoever reads it in the process, its JSON
     * written as is by Jackson (the WebSocket message around it is serialised per subscriber).
     */
    @JsonSerialize(using = SerialisedResult.Writer.class)
    static final class SerialisedResult extends AbstractMap<String, Object> {

        private final Map<String, Object> value;
        private final String json;

        SerialisedResult(Map<String, Object> value, String json) {
            this.value = value;
            this.json = json;
        }

        String json() {
            return json;
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return value.entrySet();
        }

        @Override
        public Object get(Object key) {
            return value.get(key);
        }

        static final class Writer extends JsonSerializer<SerialisedResult> {
            @Override
            public void serialize(SerialisedResult result, JsonGenerator generator, SerializerProvider provider)
                    throws IOException {
                generator.writeRawValue(result.json());
            }
        }
    }
}
