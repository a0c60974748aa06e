package io.storyteller.ops.axon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CommitNotifyingEventSourceTest {

    private final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final CommitNotifyingEventSource source = new CommitNotifyingEventSource(store);

    @AfterEach
    void close() {
        source.shutDown();
        store.shutDown();
    }

    @Test
    void aReaderIsToldWhenEventsAreCommittedAndThenFindsThem() throws Exception {
        AtomicInteger notices = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            assertThat(stream.setOnAvailableCallback(notices::incrementAndGet)).isTrue();

            DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage("told")));

            await().atMost(Duration.ofSeconds(5)).until(() -> notices.get() > 0);
            assertThat(stream.hasNextAvailable(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("told");
        }
    }

    @Test
    void aRolledBackPublicationTellsNobody() throws Exception {
        AtomicInteger notices = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null)) {
            stream.setOnAvailableCallback(notices::incrementAndGet);

            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            store.publish(GenericEventMessage.asEventMessage("never"));
            unitOfWork.rollback();

            DefaultUnitOfWork.startAndGet(null).execute(() -> store.publish(GenericEventMessage.asEventMessage("later")));
            await().atMost(Duration.ofSeconds(5)).until(() -> notices.get() > 0);
            assertThat(stream.nextAvailable().getPayload()).isEqualTo("later");
        }
    }

    @Test
    void aClosedStreamIsToldNothingMore() throws Exception {
        AtomicInteger notices = new AtomicInteger();
        BlockingStream<TrackedEventMessage<?>> stream = source.openStream(null);
        stream.setOnAvailableCallback(notices::incrementAndGet);
        stream.close();

        store.publish(GenericEventMessage.asEventMessage("unheard"));

        AtomicInteger witness = new AtomicInteger();
        try (BlockingStream<TrackedEventMessage<?>> other = source.openStream(null)) {
            other.setOnAvailableCallback(witness::incrementAndGet);
            store.publish(GenericEventMessage.asEventMessage("heard"));
            await().atMost(Duration.ofSeconds(5)).until(() -> witness.get() > 0);
        }
        assertThat(notices.get()).isZero();
    }

    @Test
    void tokensAreTheStoresOwn() {
        store.publish(GenericEventMessage.asEventMessage("one"));
        assertThat(source.createHeadToken()).isEqualTo(store.createHeadToken());
        assertThat(source.createTailToken()).isEqualTo(store.createTailToken());
    }
}
