package io.storyteller.ops.e2e;

import com.google.protobuf.InvalidProtocolBufferException;
import io.axoniq.axonserver.grpc.query.QueryRequest;
import io.axoniq.axonserver.grpc.query.QueryResponse;
import io.axoniq.axonserver.grpc.query.QueryUpdate;
import io.axoniq.axonserver.grpc.query.SubscriptionQuery;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandler;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.DefaultSubscriptionQueryResult;
import org.axonframework.queryhandling.GenericQueryResponseMessage;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.QueryResponseMessage;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryBackpressure;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;

/**
 * A query bus whose queries, answers and subscription updates make the trip Axon Server's query bus
 * makes: each is turned into the connector's gRPC message, to bytes and back, the answer read as the
 * query's response type the way the connector reads it.
 */
final class WireQueryBus implements QueryBus {

    private static final long TIMEOUT_MILLIS = TimeUnit.HOURS.toMillis(1);

    private final QueryBus local;
    private final Supplier<WireFormatBuses.WireFormat> format;
    /** Applied where the query is sent, before its trip, as Axon Server's bus applies them. */
    private final List<MessageDispatchInterceptor<? super QueryMessage<?, ?>>> dispatchInterceptors = new CopyOnWriteArrayList<>();

    WireQueryBus(QueryBus local, Supplier<WireFormatBuses.WireFormat> format) {
        this.local = local;
        this.format = format;
    }

    @Override
    public <Q, R> CompletableFuture<QueryResponseMessage<R>> query(QueryMessage<Q, R> original) {
        QueryMessage<Q, R> query = intercepted(original);
        QueryRequest sent = reparse(format.get().queries().serializeRequest(query, 1, TIMEOUT_MILLIS, 0), QueryRequest::parseFrom);
        QueryMessage<Q, R> received = format.get().queries().deserializeRequest(sent);
        return local.query(received)
                .exceptionally(failure -> new GenericQueryResponseMessage<>(query.getResponseType().responseMessagePayloadType(),
                        unwrap(failure)))
                .thenApply(answer -> answerOf(sent, answer, query.getResponseType()));
    }

    @SuppressWarnings("unchecked")
    private <R> QueryResponseMessage<R> answerOf(QueryRequest sent, QueryResponseMessage<?> answer, ResponseType<R> type) {
        QueryResponse response = reparse(format.get().queries().serializeResponse(answer, sent.getMessageIdentifier()),
                QueryResponse::parseFrom);
        QueryResponseMessage<R> read = format.get().queries().deserializeResponse(response, type);
        if (read.isExceptional()) {
            throw new java.util.concurrent.CompletionException(read.exceptionResult());
        }
        return read;
    }

    @Override
    public <Q, R> Stream<QueryResponseMessage<R>> scatterGather(QueryMessage<Q, R> original, long timeout, TimeUnit unit) {
        QueryMessage<Q, R> query = intercepted(original);
        QueryRequest sent = reparse(format.get().queries().serializeRequest(query, Integer.MAX_VALUE, unit.toMillis(timeout), 0),
                QueryRequest::parseFrom);
        QueryMessage<Q, R> received = format.get().queries().deserializeRequest(sent);
        return local.scatterGather(received, timeout, unit).map(answer -> answerOf(sent, answer, query.getResponseType()));
    }

    @Override
    public <Q, I, U> SubscriptionQueryResult<QueryResponseMessage<I>, SubscriptionQueryUpdateMessage<U>> subscriptionQuery(
            SubscriptionQueryMessage<Q, I, U> query, SubscriptionQueryBackpressure backpressure, int updateBufferSize) {
        return subscriptionQuery(query, updateBufferSize);
    }

    @Override
    public <Q, I, U> SubscriptionQueryResult<QueryResponseMessage<I>, SubscriptionQueryUpdateMessage<U>> subscriptionQuery(
            SubscriptionQueryMessage<Q, I, U> original, int updateBufferSize) {
        SubscriptionQueryMessage<Q, I, U> query = intercepted(original);
        SubscriptionQuery sent = reparse(format.get().subscriptions().serialize(query), SubscriptionQuery::parseFrom);
        SubscriptionQueryMessage<Q, I, U> received = format.get().subscriptions().deserialize(sent);
        SubscriptionQueryResult<QueryResponseMessage<I>, SubscriptionQueryUpdateMessage<U>> result =
                local.subscriptionQuery(received, updateBufferSize);
        return new DefaultSubscriptionQueryResult<>(
                result.initialResult().map(initial -> answerOf(sent.getQueryRequest(), initial, query.getResponseType())),
                result.updates().map(update -> this.<U>updateOf(update)),
                result::cancel);
    }

    @SuppressWarnings("unchecked")
    private <M extends QueryMessage<?, ?>> M intercepted(M query) {
        M message = query;
        for (MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor : dispatchInterceptors) {
            message = (M) interceptor.handle(message);
        }
        return message;
    }

    private <U> SubscriptionQueryUpdateMessage<U> updateOf(SubscriptionQueryUpdateMessage<?> update) {
        QueryUpdate sent = reparse(format.get().subscriptions().serialize(update), QueryUpdate::parseFrom);
        return format.get().subscriptions().deserialize(sent);
    }

    private static Throwable unwrap(Throwable failure) {
        return failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    }

    @Override
    public <R> Registration subscribe(String queryName, Type responseType, MessageHandler<? super QueryMessage<?, R>> handler) {
        return local.subscribe(queryName, responseType, handler);
    }

    @Override
    public QueryUpdateEmitter queryUpdateEmitter() {
        return local.queryUpdateEmitter();
    }

    @Override
    public Registration registerHandlerInterceptor(MessageHandlerInterceptor<? super QueryMessage<?, ?>> interceptor) {
        return local.registerHandlerInterceptor(interceptor);
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor) {
        dispatchInterceptors.add(interceptor);
        return () -> dispatchInterceptors.remove(interceptor);
    }

    /** The message as bytes and read again, as the far side of a gRPC call reads it. */
    private static <M extends com.google.protobuf.Message> M reparse(M message, Parser<M> parser) {
        try {
            return parser.parse(message.toByteArray());
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    @FunctionalInterface
    private interface Parser<M> {
        M parse(byte[] bytes) throws InvalidProtocolBufferException;
    }
}
