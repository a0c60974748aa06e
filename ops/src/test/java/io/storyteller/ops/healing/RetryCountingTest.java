package io.storyteller.ops.healing;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.ops.processing.DeadLetterRetries;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.GenericDeadLetter;
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
}
