package io.storyteller.ops.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.function.UnaryOperator;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.deadletter.jdbc.JdbcDeadLetter;
import org.axonframework.messaging.IllegalPayloadAccessException;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.axonframework.messaging.deadletter.SequencedDeadLetterQueue;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** An operator's retry and the healer's go through one piece: a retry that throws answers "failed again" and is counted. */
class DeadLetterRetriesTest {

    static final String SEQUENCE = "story-7";

    @SuppressWarnings("unchecked")
    final SequencedDeadLetterQueue<EventMessage<?>> queue = mock(SequencedDeadLetterQueue.class);
    @SuppressWarnings("unchecked")
    final SequencedDeadLetterProcessor<EventMessage<?>> processor = mock(SequencedDeadLetterProcessor.class);

    static JdbcDeadLetter<EventMessage<?>> letter(int retries) {
        return new JdbcDeadLetter<>("letter-7", 0, SEQUENCE, Instant.now().minusSeconds(600), Instant.now().minusSeconds(300),
                new ThrowableCause(new IllegalStateException("refused")), MetaData.with(DeadLetterRetries.RETRIES, retries),
                GenericEventMessage.asEventMessage("a beat"));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aRetryThatThrowsAnswersFailedAgainAndIsCountedOnce() {
        JdbcDeadLetter<EventMessage<?>> parked = letter(4);
        when(queue.deadLetterSequence(SEQUENCE)).thenReturn((Iterable) List.of(parked));
        when(processor.process(any())).thenThrow(new IllegalPayloadAccessException("payload is not available"));

        boolean cleared = DeadLetterRetries.retry(queue, processor, SEQUENCE, stored -> true);

        assertThat(cleared).isFalse();
        ArgumentCaptor<UnaryOperator> update = ArgumentCaptor.forClass(UnaryOperator.class);
        verify(queue).requeue(eq(parked), update.capture());
        DeadLetter<?> counted = (DeadLetter<?>) update.getValue().apply(parked);
        assertThat(DeadLetterRetries.retries(counted)).isEqualTo(5);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aSequenceGoneWhenTheRetryThrewIsLeftAlone() {
        when(queue.deadLetterSequence(SEQUENCE)).thenReturn((Iterable) List.of(letter(0)), (Iterable) List.of());
        when(processor.process(any())).thenThrow(new IllegalStateException("interrupted"));

        assertThat(DeadLetterRetries.retry(queue, processor, SEQUENCE, stored -> true)).isFalse();

        verify(queue, never()).requeue(any(), any());
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aSequenceHandledAgainIsCleared() {
        when(queue.deadLetterSequence(SEQUENCE)).thenReturn((Iterable) List.of(letter(1)));
        when(processor.process(any())).thenReturn(true);

        assertThat(DeadLetterRetries.retry(queue, processor, SEQUENCE, stored -> true)).isTrue();

        verify(queue, never()).requeue(any(), any());
    }
}
