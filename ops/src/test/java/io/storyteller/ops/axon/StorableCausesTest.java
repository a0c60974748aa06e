package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.DeadLetterSchema;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.UncategorizedSQLException;

/** Every statement that stores a dead letter's cause stores it as the table's columns take it. */
class StorableCausesTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();
    // Spring's message for a failed statement quotes the statement, longer than the column's 1,023 characters
    private static final Exception FAILURE = new UncategorizedSQLException("spend", "INSERT", new java.sql.SQLException(
            "PreparedStatementCallback; SQL [INSERT INTO spend_entries " + "x".repeat(2_000) + "]; ERROR: value \u0000 refused"));

    private final StorableCauses statements = new StorableCauses(DeadLetterSchema.defaultSchema(), SERIALIZER, SERIALIZER);
    private final List<String> written = new ArrayList<>();

    @Test
    void aParkedEventsCauseKeepsItsTypeAndTheFirst1023CharactersOfItsMessageWithoutNul() throws Exception {
        GenericDeadLetter<EventMessage<?>> letter = new GenericDeadLetter<>("story-1",
                GenericEventMessage.asEventMessage("a beat"), FAILURE);

        statements.enqueueStatement(connection(), "spend", "story-1", letter, 0);

        assertThat(written).contains(UncategorizedSQLException.class.getName());
        assertThat(written).filteredOn(value -> value != null && value.startsWith("spend; ")).singleElement().satisfies(message ->
                assertThat(message).hasSize(ThrowableCause.TRUNCATED_MESSAGE_SIZE).doesNotContain("\u0000"));
    }

    @Test
    void aFailedRetrysCauseIsStoredTheSameWay() throws Exception {
        statements.requeueStatement(connection(), "letter-1", new ThrowableCause(FAILURE), Instant.now(), MetaData.emptyInstance());

        assertThat(written).contains(UncategorizedSQLException.class.getName());
        assertThat(written).filteredOn(value -> value != null && value.startsWith("spend; ")).singleElement().satisfies(message ->
                assertThat(message).hasSize(ThrowableCause.TRUNCATED_MESSAGE_SIZE).doesNotContain("\u0000"));
    }

    @Test
    void aShortMessageKeepsAllButItsNulAndNoneStaysNone() {
        assertThat(StorableCauses.storable(new ThrowableCause(new IllegalStateException("a \u0000 in a short message"))).message())
                .isEqualTo("a \uFFFD in a short message");
        assertThat(StorableCauses.storable(new ThrowableCause(new IllegalStateException())).message()).isNull();
        assertThat(StorableCauses.storable(null)).isNull();
    }

    /** A connection whose statements remember the text parameters set on them. */
    private Connection connection() throws Exception {
        Connection connection = mock(Connection.class);
        PreparedStatement statement = mock(PreparedStatement.class);
        when(connection.prepareStatement(anyString())).thenReturn(statement);
        org.mockito.Mockito.doAnswer(call -> {
            written.add(call.getArgument(1));
            return null;
        }).when(statement).setString(org.mockito.ArgumentMatchers.anyInt(), org.mockito.ArgumentMatchers.any());
        return connection;
    }
}
