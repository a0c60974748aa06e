package io.storyteller.command.housemodel.corpus;

import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;

/** Axon's in-memory event store, optionally delivering what is appended to annotated handlers at once. */
public final class EventLog implements AutoCloseable {

    public final EmbeddedEventStore store = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine())
            .build();
    private final List<SubscribingEventProcessor> processors = new ArrayList<>();

    /** Appends the payloads as events, in order (global indexes 0, 1, … in a fresh log). */
    public EventLog append(Object... payloads) {
        List<EventMessage<?>> events = new ArrayList<>();
        for (Object payload : payloads) {
            events.add(GenericEventMessage.asEventMessage(payload));
        }
        store.publish(events);
        return this;
    }

    /** Delivers every event appended from now on to the handler's {@code @EventHandler} methods. */
    public EventLog subscribe(Object handler) {
        SubscribingEventProcessor processor = SubscribingEventProcessor.builder()
                .name("test-" + processors.size())
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(handler)
                        .listenerInvocationErrorHandler(PropagatingErrorHandler.instance())
                        .build())
                .messageSource(store)
                .build();
        processor.start();
        processors.add(processor);
        return this;
    }

    @Override
    public void close() {
        processors.forEach(SubscribingEventProcessor::shutDown);
        store.shutDown();
    }
}
