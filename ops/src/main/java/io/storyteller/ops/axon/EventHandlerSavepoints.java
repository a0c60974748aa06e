package io.storyteller.ops.axon;

import io.storyteller.projections.schema.BatchedReplay;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import javax.sql.DataSource;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opens a savepoint of the batch's transaction before the handlers of each event run (projections,
 * engines, sagas). When a handler fails — say, on a row PostgreSQL refuses — everything the event's
 * handlers wrote is rolled back to that savepoint: the transaction stays usable, so the dead-letter
 * queue records the event in it, the other events of the batch commit, and the other stories and
 * worlds keep flowing. Without it PostgreSQL aborts the whole transaction, the dead-letter insert
 * fails inside it, and the work package retries the same batch forever.
 * <p>
 * One savepoint per event, not per handler: an event is handled wholly or not at all, and a batch
 * opens no more subtransactions than it has events (PostgreSQL caches 64 per backend; more slow down
 * every concurrent snapshot). Savepoints are not released one by one; the commit ends them all.
 * <p>
 * A projection replaying in batches ({@link BatchedReplay}) writes nothing while it handles an
 * event, so it takes no savepoint then: a failed event's collected writes are dropped instead.
 * <p>
 * Other replayed events take no savepoint either until one fails (a savepoint is a round trip per
 * event, which set the pace of a replay): a handler that fails without one marks its batch to roll
 * back when it would commit, and the processor then handles the batch again, this time with a
 * savepoint for the failed event, so it is dead-lettered alone as it would be live
 * ({@link ReplayFailures}).
 */
@Component
class EventHandlerSavepoints implements HandlerEnhancerDefinition {

    private static final String CURRENT = EventHandlerSavepoints.class.getName() + ".current";

    private final DataSource dataSource;
    private final ReplayFailures replayFailures = new ReplayFailures();

    EventHandlerSavepoints(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public <T> MessageHandlingMember<T> wrapHandler(MessageHandlingMember<T> original) {
        boolean eventHandler = original.canHandleMessageType(EventMessage.class)
                && original.annotationAttributes(EventHandler.class).isPresent()
                && original.annotationAttributes(EventSourcingHandler.class).isEmpty();
        return eventHandler ? new InSavepoint<>(original, this) : original;
    }

    /** The savepoint opened for {@code message} in this transaction, opened now if it is the first handler's turn. */
    private EventSavepoint savepointFor(Message<?> message) throws SQLException {
        UnitOfWork<?> unitOfWork = CurrentUnitOfWork.get().root();
        EventSavepoint current = unitOfWork.getResource(CURRENT);
        if (current == null || !current.messageId().equals(message.getIdentifier())) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            current = new EventSavepoint(message.getIdentifier(), connection, connection.setSavepoint());
            unitOfWork.resources().put(CURRENT, current);
        }
        return current;
    }

    private record EventSavepoint(String messageId, Connection connection, Savepoint savepoint) {

        void rollBack(Exception cause) {
            try {
                connection.rollback(savepoint);
            } catch (SQLException e) {
                cause.addSuppressed(e); // the transaction is lost then, and the batch is retried as a whole
            }
        }
    }

    private static final class InSavepoint<T> extends WrappedMessageHandlingMember<T> {

        private final EventHandlerSavepoints savepoints;

        InSavepoint(MessageHandlingMember<T> delegate, EventHandlerSavepoints savepoints) {
            super(delegate);
            this.savepoints = savepoints;
        }

        @Override
        public Object handle(Message<?> message, T target) throws Exception {
            if (!CurrentUnitOfWork.isStarted() || !TransactionSynchronizationManager.isActualTransactionActive()) {
                return super.handle(message, target); // no transaction: nothing to keep usable
            }
            if (target instanceof BatchedReplay batched && message instanceof EventMessage<?> event && batched.collects(event)) {
                try {
                    return super.handle(message, target); // writes nothing yet: its batch writes at the end
                } catch (Exception e) {
                    batched.discard(event);
                    throw e;
                }
            }
            if (message instanceof EventMessage<?> event && savepoints.replayFailures.needsNoSavepoint(event)) {
                try {
                    return super.handle(message, target);
                } catch (Exception e) {
                    savepoints.replayFailures.failed(event);
                    throw e;
                }
            }
            EventSavepoint savepoint = savepoints.savepointFor(message);
            try {
                return super.handle(message, target);
            } catch (Exception e) {
                savepoint.rollBack(e);
                throw e;
            }
        }
    }
}
