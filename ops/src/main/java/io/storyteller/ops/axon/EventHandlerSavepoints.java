package io.storyteller.ops.axon;

import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs every event handler of a processor (projections, engines, sagas) inside a savepoint of the
 * batch's transaction. A handler that fails — say, a row PostgreSQL refuses — is rolled back to its
 * savepoint alone: the transaction stays usable, so the dead-letter queue can record the event in it,
 * the other events of the batch commit, and the other stories and worlds keep flowing. Without it
 * PostgreSQL aborts the whole transaction, the dead-letter insert fails inside it, and the work
 * package retries the same batch forever.
 */
@Component
class EventHandlerSavepoints implements HandlerEnhancerDefinition {

    private final TransactionTemplate savepoint;

    EventHandlerSavepoints(PlatformTransactionManager transactions) {
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean eventHandler = original.canHandleMessageType(EventMessage.class)
                && original.annotationAttributes(EventHandler.class).isPresent()
                && original.annotationAttributes(EventSourcingHandler.class).isEmpty();
        return eventHandler ? new InSavepoint<>(original, savepoint) : original;
    }

    private static final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private final TransactionTemplate savepoint;

        InSavepoint(MessageHandlingMember<T> delegate, TransactionTemplate savepoint) {
            super(delegate);
            this.savepoint = savepoint;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            try {
                return savepoint.execute(status -> {
                    try {
                        return super.handle(message, target);
                    } catch (RuntimeException | Error e) {
                        throw e;
                    } catch (Exception e) {
                        throw new CheckedFailure(e);
                    }
                });
            } catch (CheckedFailure failure) {
                throw failure.checked;
            }
        }
    }

    /** Carries a handler's checked exception through the transaction template unchanged. */
    private static final class CheckedFailure extends RuntimeException {

        private final Exception checked;

        CheckedFailure(Exception checked) {
            super(checked);
            this.checked = checked;
        }
    }
}
