package io.storyteller.ops.healing;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.processing.DeadLetterRetries;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;

class RetryCountingTest {

    @Test
    void aParkedEventStartsAtNoRetriesAndEachFailedRetryCountsOne() {
        DeadLetter<EventMessage<?>> parked = new GenericDeadLetter<>("w-1", GenericEventMessage.asEventMessage("event"),
                new IllegalStateException("refused"));

        EnqueueDecision<EventMessage<?>> first = RetryCounting.policy().decide(parked, new IllegalStateException("refused"));
        assertThat(first.shouldEnqueue()).isTrue();
        DeadLetter<? extends EventMessage<?>> stored = first.withDiagnostics(parked);
        assertThat(DeadLetterRetries.retries(stored)).isZero();
        assertThat(stored.diagnostics()).containsKey(DeadLetterRetries.RETRIES);

        DeadLetter<? extends EventMessage<?>> again = RetryCounting.policy()
                .decide((DeadLetter<EventMessage<?>>) stored, new IllegalStateException("refused")).withDiagnostics(stored);
        DeadLetter<? extends EventMessage<?>> thrice = RetryCounting.policy()
                .decide((DeadLetter<EventMessage<?>>) again, new IllegalStateException("refused")).withDiagnostics(again);
        assertThat(DeadLetterRetries.retries(again)).isEqualTo(1);
        assertThat(DeadLetterRetries.retries(thrice)).isEqualTo(2);
    }

    @Test
    void aCauseIsParkedAsTheQueuesTableCanHoldIt() {
        DeadLetter<EventMessage<?>> parked = new GenericDeadLetter<>("s-1", GenericEventMessage.asEventMessage("event"),
                new IllegalStateException("refused"));
        // Spring's message for a failed statement quotes the statement, longer than the column's 1,023 characters
        String message = "PreparedStatementCallback; SQL [INSERT INTO spend_entries " + "x".repeat(2_000)
                + "]; ERROR: value \u0000 refused";

        EnqueueDecision<EventMessage<?>> decision = RetryCounting.policy()
                .decide(parked, new org.springframework.jdbc.UncategorizedSQLException("spend", "INSERT", new java.sql.SQLException(message)));

        assertThat(decision.enqueueCause()).get().satisfies(cause -> {
            assertThat(cause).isInstanceOf(ThrowableCause.class);
            ThrowableCause stored = (ThrowableCause) cause;
            assertThat(stored.type()).isEqualTo("org.springframework.jdbc.UncategorizedSQLException");
            assertThat(stored.message()).hasSize(ThrowableCause.TRUNCATED_MESSAGE_SIZE).startsWith("spend; ")
                    .doesNotContain("\u0000");
        });
        assertThat(RetryCounting.storable(new IllegalStateException("a \u0000 in a short message")).message())
                .isEqualTo("a \uFFFD in a short message");
        assertThat(RetryCounting.storable(new IllegalStateException())).extracting(ThrowableCause::message).isNull();
    }
}
