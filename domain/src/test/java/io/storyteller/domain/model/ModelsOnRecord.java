package io.storyteller.domain.model;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;

/**
 * Model events on an in-memory event store, read back by a real event-sourcing repository: the
 * bases {@link ModelDerivation} consults. Events may be added while a test runs.
 */
public final class ModelsOnRecord {

    private final EventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Map<String, Long> nextSequence = new HashMap<>();

    public ModelsOnRecord record(String modelId, List<Object> events) {
        for (Object event : events) {
            long sequence = nextSequence.merge(modelId, 1L, Long::sum) - 1;
            store.publish(new GenericDomainEventMessage<>("Model", modelId, sequence, event));
        }
        return this;
    }

    public Repository<Model> repository() {
        return EventSourcingRepository.builder(Model.class).eventStore(store).build();
    }
}
