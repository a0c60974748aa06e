package io.storyteller.ops.instances;

import io.storyteller.domain.shared.LiveQuery;
import java.util.Set;
import java.util.function.Predicate;
import org.axonframework.common.Registration;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SubscriptionQueryBackpressure;
import org.axonframework.queryhandling.SubscriptionQueryMessage;
import org.axonframework.queryhandling.SubscriptionQueryUpdateMessage;
import org.axonframework.queryhandling.UpdateHandlerRegistration;

/**
 * The local emitter, with each update of a {@link LiveQuery} also handed to the {@link LiveRelay}
 * (after the unit of work commits, as the local delivery is). Updates relayed from another instance
 * go to the local emitter directly, so they are never relayed again.
 */
final class RelayingUpdateEmitter implements QueryUpdateEmitter {

    private final QueryUpdateEmitter local;
    private final LiveRelay relay;

    RelayingUpdateEmitter(QueryUpdateEmitter local, LiveRelay relay) {
        this.local = local;
        this.relay = relay;
    }

    @Override
    public <Q, U> void emit(Class<Q> queryType, Predicate<? super Q> filter, SubscriptionQueryUpdateMessage<U> update) {
        local.emit(queryType, filter, update);
        if (LiveQuery.class.isAssignableFrom(queryType) && update.getPayload() != null) {
            U payload = update.getPayload();
            if (CurrentUnitOfWork.isStarted() && CurrentUnitOfWork.get().phase() == UnitOfWork.Phase.STARTED) {
                CurrentUnitOfWork.get().afterCommit(unitOfWork -> relay.publish(queryType, payload));
            } else {
                relay.publish(queryType, payload);
            }
        }
    }

    @Override
    public <U> void emit(Predicate<SubscriptionQueryMessage<?, ?, U>> filter, SubscriptionQueryUpdateMessage<U> update) {
        local.emit(filter, update);
    }

    @Override
    public void complete(Predicate<SubscriptionQueryMessage<?, ?, ?>> filter) {
        local.complete(filter);
    }

    @Override
    public void completeExceptionally(Predicate<SubscriptionQueryMessage<?, ?, ?>> filter, Throwable cause) {
        local.completeExceptionally(filter, cause);
    }

    @Override
    public boolean queryUpdateHandlerRegistered(SubscriptionQueryMessage<?, ?, ?> query) {
        return local.queryUpdateHandlerRegistered(query);
    }

    @Override
    public <U> UpdateHandlerRegistration<U> registerUpdateHandler(SubscriptionQueryMessage<?, ?, ?> query, int updateBufferSize) {
        return local.registerUpdateHandler(query, updateBufferSize);
    }

    @Override
    @SuppressWarnings("deprecation")
    public <U> UpdateHandlerRegistration<U> registerUpdateHandler(SubscriptionQueryMessage<?, ?, ?> query,
            SubscriptionQueryBackpressure backpressure, int updateBufferSize) {
        return local.registerUpdateHandler(query, backpressure, updateBufferSize);
    }

    @Override
    public Set<SubscriptionQueryMessage<?, ?, ?>> activeSubscriptions() {
        return local.activeSubscriptions();
    }

    @Override
    public Registration registerDispatchInterceptor(
            MessageDispatchInterceptor<? super SubscriptionQueryUpdateMessage<?>> interceptor) {
        return local.registerDispatchInterceptor(interceptor);
    }
}
