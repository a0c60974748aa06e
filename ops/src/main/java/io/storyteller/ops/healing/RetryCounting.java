package io.storyteller.ops.healing;

import io.storyteller.ops.processing.DeadLetterRetries;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.springframework.stereotype.Component;

/**
 * Every processing group's dead-letter policy: park the event as before, and count in the letter's
 * diagnostics ({@value DeadLetterRetries#RETRIES}) how often it was handled again and failed, by the
 * healer or by an operator ({@link DeadLetterRetries#counted}). The count lives in the queue's own
 * table, so the backoff survives restarts and is shared by every instance.
 * <p>
 * The cause is parked as the queue's table can hold it ({@link #storable}): a message too long for
 * its column, or holding a NUL, made the letter's own insert fail, so the event could not be parked
 * and its segment retried it for ever, holding back every other story in it.
 */
@Component
class RetryCounting implements ConfigurerModule {

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultDeadLetterPolicy(configuration -> policy());
    }

    static EnqueuePolicy<EventMessage<?>> policy() {
        return (letter, cause) -> Decisions.<EventMessage<?>>enqueue(storable(cause), DeadLetterRetries::counted);
    }

    /**
     * The cause's type and message, the message cut to the {@value ThrowableCause#TRUNCATED_MESSAGE_SIZE}
     * characters the queue's column takes and without NUL characters, which no PostgreSQL text takes
     * (a failure's message may quote the SQL that failed, or the value it refused).
     */
    static ThrowableCause storable(Throwable cause) {
        if (cause == null) {
            return null;
        }
        String message = cause.getMessage();
        if (message != null) {
            message = message.replace('\0', '\uFFFD');
            message = message.substring(0, Math.min(message.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE));
        }
        String type = cause instanceof ThrowableCause parked ? parked.type() : cause.getClass().getName();
        return new ThrowableCause(type, message);
    }
}
