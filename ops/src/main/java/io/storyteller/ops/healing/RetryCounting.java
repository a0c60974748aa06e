package io.storyteller.ops.healing;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.springframework.stereotype.Component;

/**
 * Every processing group's dead-letter policy: park the event as before, and count in the letter's
 * diagnostics ({@value #RETRIES}) how often it was handled again and failed, by the healer or by an
 * operator. The count lives in the queue's own table, so the backoff survives restarts and is
 * shared by every instance.
 */
@Component
class RetryCounting implements ConfigurerModule {

    static final String RETRIES = "retries";

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultDeadLetterPolicy(configuration -> policy());
    }

    static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> Decisions.<EventMessage<?>>enqueue(cause, RetryCounting::counted);
    }

    /** A letter parked for the first time has no count (0 retries); one that failed again, one more. */
    static MetaData counted(DeadLetter<?> letter) {
        MetaData diagnostics = letter.diagnostics();
        return diagnostics.and(RETRIES, diagnostics.containsKey(RETRIES) ? retries(letter) + 1 : 0);
    }

    static int retries(DeadLetter<?> letter) {
        return letter.diagnostics().get(RETRIES) instanceof Number n ? n.intValue() : 0;
    }
}
