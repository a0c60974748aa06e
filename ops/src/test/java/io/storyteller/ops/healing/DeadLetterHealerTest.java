package io.storyteller.ops.healing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.storyteller.command.healing.HealingActions;
import io.storyteller.domain.healing.HealingKind;
import io.storyteller.domain.healing.HealingOutcome;
import io.storyteller.ops.processing.DeadLetterRetries;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.axonframework.config.EventProcessingConfiguration;
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
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The healer's retries with a queue and processor of Axon's shape: a retry that throws out of the
 * processor before the queue counted it is counted by the healer, so its backoff grows and the cap
 * ends it, instead of being retried at every pass.
 */
class DeadLetterHealerTest {

    static final String GROUP = "beat-index";
    static final String SEQUENCE = "story-1";
    static final Instant NOW = Instant.now(); // markTouched stamps with the system clock

    @SuppressWarnings("unchecked")
    final SequencedDeadLetterQueue<EventMessage<?>> queue = mock(SequencedDeadLetterQueue.class);
    @SuppressWarnings("unchecked")
    final SequencedDeadLetterProcessor<EventMessage<?>> processor = mock(SequencedDeadLetterProcessor.class);
    final HealingActions actions = mock(HealingActions.class);
    final EventMessage<?> event = GenericEventMessage.asEventMessage("a beat");

    DeadLetterHealer healer() {
        EventProcessingConfiguration processing = mock(EventProcessingConfiguration.class);
        when(processing.deadLetterQueue(GROUP)).thenReturn(Optional.of(queue));
        when(processing.sequencedDeadLetterProcessor(GROUP)).thenReturn(Optional.of(processor));
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("processing", processing);
        JdbcClient jdbc = mock(JdbcClient.class, RETURNS_DEEP_STUBS);
        when(jdbc.sql("SELECT DISTINCT processinggroup FROM deadletterentry").query(String.class).list())
                .thenReturn(List.of(GROUP));
        return new DeadLetterHealer(beans.getBeanProvider(EventProcessingConfiguration.class), jdbc, actions,
                new HealingProperties.DeadLetters(true, Duration.ofMinutes(1), Duration.ofHours(1), 8, Duration.ofSeconds(30)),
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    JdbcDeadLetter<EventMessage<?>> letter(int retries, Instant lastTouched) {
        return new JdbcDeadLetter<>("letter-1", 0, SEQUENCE, NOW.minus(Duration.ofHours(2)), lastTouched,
                new ThrowableCause(new IllegalStateException("the index refused it")),
                MetaData.with(DeadLetterRetries.RETRIES, retries), event);
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aRetryThatThrowsBeforeTheQueueCountedItIsCountedAsFailedWithItsBackoff() {
        JdbcDeadLetter<EventMessage<?>> due = letter(0, NOW.minus(Duration.ofMinutes(5)));
        JdbcDeadLetter<EventMessage<?>> counted = letter(1, NOW);
        when(queue.deadLetters()).thenReturn((Iterable) List.of(List.of(due)));
        // as the queue holds it: before the retry, untouched after the throw, counted once the healer requeued it
        when(queue.deadLetterSequence(SEQUENCE)).thenReturn((Iterable) List.of(due), (Iterable) List.of(due),
                (Iterable) List.of(counted));
        when(processor.process(any())).thenThrow(new IllegalPayloadAccessException(
                "This result completed exceptionally, payload is not available."));

        healer().heal();

        ArgumentCaptor<UnaryOperator> update = ArgumentCaptor.forClass(UnaryOperator.class);
        verify(queue).requeue(eq(due), update.capture());
        DeadLetter<?> requeued = (DeadLetter<?>) update.getValue().apply(due);
        assertThat(DeadLetterRetries.retries(requeued)).isEqualTo(1);
        assertThat(requeued.cause()).hasValueSatisfying(cause ->
                assertThat(cause.type()).isEqualTo(IllegalPayloadAccessException.class.getName()));
        assertThat(requeued.lastTouched()).isAfter(due.lastTouched());
        verify(actions).record(eq(HealingKind.DEAD_LETTER_RETRY), eq(GROUP + " sequence " + SEQUENCE),
                contains("failed again (retry 1 of 8)"), eq(HealingOutcome.FAILED), eq(1));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aRetryThatThrowsAfterTheQueueCountedItIsNotCountedTwice() {
        JdbcDeadLetter<EventMessage<?>> due = letter(2, NOW.minus(Duration.ofMinutes(10)));
        JdbcDeadLetter<EventMessage<?>> counted = letter(3, NOW);
        when(queue.deadLetters()).thenReturn((Iterable) List.of(List.of(due)));
        when(queue.deadLetterSequence(SEQUENCE)).thenReturn((Iterable) List.of(due), (Iterable) List.of(counted));
        when(processor.process(any())).thenThrow(new IllegalStateException("the database went away"));

        healer().heal();

        verify(queue, never()).requeue(any(), any());
        verify(actions).record(eq(HealingKind.DEAD_LETTER_RETRY), eq(GROUP + " sequence " + SEQUENCE),
                contains("failed again (retry 3 of 8)"), eq(HealingOutcome.FAILED), eq(1));
    }

    @Test
    @SuppressWarnings({"unchecked", "rawtypes"})
    void aLetterWhoseBackoffHasNotPassedIsLeftAlone() {
        JdbcDeadLetter<EventMessage<?>> waiting = letter(1, NOW.minus(Duration.ofSeconds(30))); // the second retry waits 2 minutes
        when(queue.deadLetters()).thenReturn((Iterable) List.of(List.of(waiting)));

        healer().heal();

        verify(processor, never()).process(any());
        verify(queue, never()).requeue(any(), any());
    }
}
