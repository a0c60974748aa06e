package io.storyteller.ops.healing;

import io.storyteller.ops.processing.DeadLetterRetries;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.stereotype.Component;

/**
 * Every processing group's dead-letter policy: park the event as before, and count in the letter's
 * diagnostics ({@value DeadLetterRetries#RETRIES}) how often it was handled again and failed, by the
 * healer or by an operator ({@link DeadLetterRetries#counted}). The count lives in the queue's own
 * table, so the backoff survives restarts and is shared by every instance.
 */
@Component
class RetryCounting implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultDeadLetterPolicy(configuration -> policy());
    }

    static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> Decisions.<EventMessage<?>>enqueue(cause, DeadLetterRetries::counted);
    }
}
