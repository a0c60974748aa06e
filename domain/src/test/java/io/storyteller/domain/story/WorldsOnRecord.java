package io.storyteller.domain.story;

import io.storyteller.domain.world.World;
import java.util.HashMap;
import java.util.Map;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.EventSourcingRepository;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.axonframework.modelling.command.Repository;

/**
 * World events on an in-memory event store, read back by a real event-sourcing repository: the
 * worlds {@link StoryAdmission} consults. Events may be added while a test runs.
 */
public final class WorldsOnRecord {

    private final EventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final Map<String, Long> nextSequence = new HashMap<>();

    public WorldsOnRecord record(String worldId, Object... events) {
        for (Object event : events) {
            long sequence = nextSequence.merge(worldId, 1L, Long::sum) - 1;
            store.publish(new GenericDomainEventMessage<>("World", worldId, sequence, event));
        }
        return this;
    }

    public Repository<World> repository() {
        return EventSourcingRepository.builder(World.class).eventStore(store).build();
    }
}
