package io.storyteller.ops.axon;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.eventhandling.deadletter.jdbc.DefaultDeadLetterStatementFactory;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.Cause;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.Serializer;

/**
 * The dead-letter queue's statements, each storing a letter's cause as its table can hold it: the
 * cause's type, and its message cut to the {@value ThrowableCause#TRUNCATED_MESSAGE_SIZE} characters
 * of its column, without NUL characters, which no PostgreSQL text takes. A failure's message may
 * quote the whole statement that failed (Spring's do), or the value refused; stored as it was, the
 * letter's own write failed, so a poison event could be neither parked nor counted as retried, and
 * its segment retried it for ever, holding back every other story in it. Every way a cause reaches
 * the table (a first failure, a failed retry by the processor, the healer or an operator) goes
 * through these two statements.
 */
final class StorableCauses extends DefaultDeadLetterStatementFactory<EventMessage<?>> {

    StorableCauses(DeadLetterSchema schema, Serializer genericSerializer, Serializer eventSerializer) {
        super(DefaultDeadLetterStatementFactory.<EventMessage<?>>builder()
                .schema(schema).genericSerializer(genericSerializer).eventSerializer(eventSerializer));
    }

    @Override
    public PreparedStatement enqueueStatement(Connection connection, String processingGroup, String sequenceIdentifier,
            DeadLetter<? extends EventMessage<?>> letter, long sequenceIndex) throws SQLException {
        return super.enqueueStatement(connection, processingGroup, sequenceIdentifier, storable(sequenceIdentifier, letter),
                sequenceIndex);
    }

    @Override
    public PreparedStatement requeueStatement(Connection connection, String letterIdentifier, Cause cause,
            Instant lastTouched, MetaData diagnostics) throws SQLException {
        return super.requeueStatement(connection, letterIdentifier, storable(cause), lastTouched, diagnostics);
    }

    /** The cause as its columns take it; null stays null. */
    static Cause storable(Cause cause) {
        if (cause == null) {
            return null;
        }
        String message = cause.message();
        if (message != null) {
            message = message.replace('\0', '\uFFFD');
            message = message.substring(0, Math.min(message.length(), ThrowableCause.TRUNCATED_MESSAGE_SIZE));
        }
        return new ThrowableCause(cause.type(), message);
    }

    private static <M extends EventMessage<?>> DeadLetter<M> storable(String sequenceIdentifier, DeadLetter<M> letter) {
        return letter.cause().isEmpty() ? letter : new GenericDeadLetter<>(sequenceIdentifier, letter.message(),
                storable(letter.cause().get()), letter.enqueuedAt(), letter.lastTouched(), letter.diagnostics());
    }
}
