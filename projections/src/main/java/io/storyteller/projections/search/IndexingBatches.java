package io.storyteller.projections.search;

import io.storyteller.projections.schema.BatchFallback;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

/**
 * How a search index projection meets a processor's batch: its handlers only collect the events in
 * the batch's unit of work, and the batch is indexed as one when it prepares to commit (one read of
 * the documents touched, one embedding call per world, one bulk write). That is before the
 * processor's token is stored, so a batch whose writes fail leaves its token where it was and is
 * delivered again; writes that did land are then refused as stale by their external versions.
 * <p>
 * A failed batch cannot say which of its events failed, and one bad event (its world's embedder
 * down, say) must not stop the others: {@link BatchFallback} remembers them, and when the processor
 * delivers them again each is indexed at once in its handler, so the bad one fails alone and is
 * dead-lettered while the others are kept. Without a unit of work (a test handing events one by
 * one) each event is indexed at once.
 */
final class IndexingBatches {

    /** The events a batch collected, in order. */
    private static final class Collected implements BatchFallback.Collected {
        private final List<IndexedEvent> events = new ArrayList<>();

        @Override
        public boolean isEmpty() {
            return events.isEmpty();
        }

        @Override
        public List<String> eventIds() {
            return events.stream().map(IndexedEvent::eventId).toList();
        }

        @Override
        public void discard(String eventId) {
            events.removeIf(collected -> collected.eventId().equals(eventId));
        }
    }

    private final Consumer<List<IndexedEvent>> index;
    private final BatchFallback<Collected> batches;

    /** @param index indexes events in their order, the whole list or nothing (it throws) */
    IndexingBatches(String group, Consumer<List<IndexedEvent>> index) {
        this.index = index;
        this.batches = new BatchFallback<>(group, Collected::new, batch -> index.accept(List.copyOf(batch.events)));
    }

    /** Whether {@code event} is collected into its batch rather than indexed at once. */
    boolean collects(EventMessage<?> event) {
        return CurrentUnitOfWork.isStarted() && !batches.failedBefore(event);
    }

    /** Drops a collected event: a handler failed on it, so it is indexed not at all. */
    void discard(EventMessage<?> event) {
        batches.discard(event);
    }

    /** Collects the event being handled into its batch, or indexes it at once. */
    void handle(long sequence, Object payload) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event)) {
            index.accept(List.of(new IndexedEvent(null, sequence, payload)));
            return;
        }
        IndexedEvent indexed = new IndexedEvent(event.getIdentifier(), sequence, payload);
        if (batches.retryingAlone(event)) {
            index.accept(List.of(indexed));
            return;
        }
        batches.batch().events.add(indexed);
    }
}
