package io.storyteller.sagas.support;

import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.queryhandling.QueryGateway;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryBackpressure;
import org.axonframework.queryhandling.SubscriptionQueryResult;
import org.reactivestreams.Publisher;

/**
 * A query gateway for saga specifications: a saga only sends point-to-point queries, so a test
 * answers {@code query(String, Q, ResponseType)} and every other way of asking is refused.
 */
public abstract class PointQueryGateway implements QueryGateway {

    @Override
    public <R, Q> Publisher<R> streamingQuery(String queryName, Q query, Class<R> responseType) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <R, Q> Stream<R> scatterGather(String queryName, Q query, ResponseType<R> responseType, long timeout, TimeUnit timeUnit) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <Q, I, U> SubscriptionQueryResult<I, U> subscriptionQuery(String queryName, Q query,
            ResponseType<I> initialResponseType, ResponseType<U> updateResponseType,
            SubscriptionQueryBackpressure backpressure, int updateBufferSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public <Q, I, U> SubscriptionQueryResult<I, U> subscriptionQuery(String queryName, Q query,
            ResponseType<I> initialResponseType, ResponseType<U> updateResponseType, int updateBufferSize) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Registration registerDispatchInterceptor(MessageDispatchInterceptor<? super QueryMessage<?, ?>> interceptor) {
        return () -> true;
    }
}
