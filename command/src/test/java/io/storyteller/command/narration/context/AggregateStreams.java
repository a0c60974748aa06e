package io.storyteller.command.narration.context;

import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/** Axon's in-memory event store, appended to as aggregates do: per aggregate, sequence numbers 0, 1, … */
public final class AggregateStreams implements AutoCloseable {

    public final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Map<String, Long> nextSequence = new HashMap<>();

    /** Appends the payloads to the aggregate's stream, in order. */
    public AggregateStreams append(String aggregateId, Object... payloads) {
        for (Object payload : payloads) {
            long sequence = nextSequence.merge(aggregateId, 1L, Long::sum) - 1;
            store.publish(new GenericDomainEventMessage<>(payload.getClass().getSimpleName(), aggregateId, sequence,
                    payload));
        }
        return this;
    }

    @Override
    public void close() {
        store.shutDown();
    }
}
