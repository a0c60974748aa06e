package io.storyteller.sagas.autoswitch;

import io.storyteller.domain.deployment.AutoSwitchConsidered;
import io.storyteller.domain.deployment.AutoSwitchDecided;
import org.axonframework.common.AxonConfigurationException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.modelling.saga.AssociationResolver;

/**
 * Resolves the {@link AutoSwitchPair} of the events that begin and end a pair's saga. Axon creates
 * it by its public constructor.
 */
public class AutoSwitchPairResolver implements AssociationResolver {

    @Override
    public <T> void validate(String associationPropertyName, MessageHandlingMember<T> handler) {
        Class<?> type = handler.payloadType();
        if (type != AutoSwitchConsidered.class && type != AutoSwitchDecided.class) {
            throw new AxonConfigurationException(type.getName() + " names no auto-switch pair");
        }
    }

    @Override
    public <T> Object resolve(String associationPropertyName, EventMessage<?> message, MessageHandlingMember<T> handler) {
        return switch (message.getPayload()) {
            case AutoSwitchConsidered e -> AutoSwitchPair.of(e.deploymentId(), e.candidate());
            case AutoSwitchDecided e -> AutoSwitchPair.of(e.deploymentId(), e.candidate());
            default -> null;
        };
    }
}
