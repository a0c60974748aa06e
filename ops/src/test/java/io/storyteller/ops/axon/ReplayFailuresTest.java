package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.GenericTrackedEventMessage;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.junit.jupiter.api.Test;

/**
 * Replayed events are handled without a savepoint until one fails; the batch it failed in never
 * commits, and when the batch is handled again that event takes a savepoint (so it is dead-lettered
 * alone), until the batch that handled it so commits.
 */
class ReplayFailuresTest {

    private final ReplayFailures failures = new ReplayFailures();

    private static EventMessage<?> replayed(String id) {
        return new GenericTrackedEventMessage<>(
                new ReplayToken(new GlobalSequenceTrackingToken(10), new GlobalSequenceTrackingToken(1)),
                new GenericEventMessage<>(id, "payload", Map.of(), Instant.EPOCH));
    }

    @Test
    void aReplayedEventTakesNoSavepointAndALiveOneDoes() {
        EventMessage<?> live = new GenericTrackedEventMessage<>(new GlobalSequenceTrackingToken(1),
                GenericEventMessage.asEventMessage("payload"));
        DefaultUnitOfWork.startAndGet(live).execute(() -> {
            assertThat(failures.needsNoSavepoint(replayed("e1"))).isTrue();
            assertThat(failures.needsNoSavepoint(live)).isFalse();
        });
    }

    @Test
    void theBatchOfAFailedEventRollsBackAndItsRetryTakesASavepointForThatEventUntilItCommits() {
        EventMessage<?> bad = replayed("bad");
        DefaultUnitOfWork<?> batch = DefaultUnitOfWork.startAndGet(bad);
        failures.failed(bad);
        assertThatThrownBy(batch::commit).isInstanceOf(ReplayFailures.ReplayedEventFailed.class);
        assertThat(batch.isRolledBack()).isTrue();

        DefaultUnitOfWork<?> retry = DefaultUnitOfWork.startAndGet(bad);
        assertThat(failures.needsNoSavepoint(bad)).as("the failed event, handled again").isFalse();
        assertThat(failures.needsNoSavepoint(replayed("good"))).as("the others of its batch").isTrue();
        retry.commit();

        DefaultUnitOfWork.startAndGet(bad).execute(() ->
                assertThat(failures.needsNoSavepoint(bad)).as("forgotten once its retry committed").isTrue());
    }
}
