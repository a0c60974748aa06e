package io.storyteller.sagas.rollout;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;

/**
 * Resolves a rollout event's {@link RolloutKey} from its {@code deploymentId()} and
 * {@code rolloutId()}, which every rollout event has. Axon creates it by its public constructor.
 */
public class RolloutKeyResolver implements AssociationResolver {

    @Override
    public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
        accessor(handler.payloadType(), "deploymentId");
        accessor(handler.payloadType(), "rolloutId");
    }

    @Override
    public <T> Object resolve(String associationPropertyName, EventMessage<?> message, MessageHandlingMember<T> handler) {
        Object payload = message.getPayload();
        return RolloutKey.of(read(payload, "deploymentId"), read(payload, "rolloutId"));
    }

    private static String read(Object payload, String property) {
        try {
            return (String) accessor(payload.getClass(), property).invoke(payload);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + property + " of " + payload.getClass().getName(), e);
        }
    }

    private static Method accessor(Class<?> type, String property) {
        try {
            Method method = type.getMethod(property);
            if (method.getReturnType() != String.class) {
                throw new AxonConfigurationException(type.getName() + "." + property + "() does not return a String");
            }
            return method;
        } catch (NoSuchMethodException e) {
            throw new AxonConfigurationException(type.getName() + " has no " + property + "() to associate a rollout saga by", e);
        }
    }
}
