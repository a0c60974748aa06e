package io.storyteller.projections.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a search index projection meets a processor's batch: its handlers only collect the events in
 * the batch's unit of work, and the batch is indexed as one when it prepares to commit (one read of
 * the documents touched, one embedding call per world, one bulk write). That is before the
 * processor's token is stored, so a batch whose writes fail leaves its token where it was and is
 * delivered again; writes that did land are then refused as stale by their external versions.
 * <p>
 * A failed batch cannot say which of its events failed, and one bad event (its world's embedder
 * down, say) must not stop the others: the events of a failed batch are remembered, and when the
 * processor delivers them again each is indexed at once in its handler, so the bad one fails alone
 * and is dead-lettered while the others are kept. Without a unit of work (a test handing events
 * one by one) each event is indexed at once.
 */
final class IndexingBatches {

    private static final Logger log = LoggerFactory.getLogger(IndexingBatches.class);
    /** Events of failed batches are remembered until retried; a bound in case one never comes back. */
    private static final int MAX_CAREFUL = 100_000;

    private final String group;
    private final Consumer<List<IndexedEvent>> index;
    private final String batchKey;
    private final String retriedKey;
    private final Set<String> careful = ConcurrentHashMap.newKeySet();

    /** @param index indexes events in their order, the whole list or nothing (it throws) */
    IndexingBatches(String group, Consumer<List<IndexedEvent>> index) {
        this.group = group;
        this.index = index;
        this.batchKey = IndexingBatches.class.getName() + "." + group;
        this.retriedKey = batchKey + ".retried";
    }

    /** Whether {@code event} is collected into its batch rather than indexed at once. */
    boolean collects(EventMessage<?> event) {
        return CurrentUnitOfWork.isStarted() && !careful.contains(event.getIdentifier());
    }

    /** Drops a collected event: a handler failed on it, so it is indexed not at all. */
    void discard(EventMessage<?> event) {
        if (CurrentUnitOfWork.isStarted()) {
            List<IndexedEvent> batch = CurrentUnitOfWork.get().root().getResource(batchKey);
            if (batch != null) {
                batch.removeIf(collected -> collected.eventId().equals(event.getIdentifier()));
            }
        }
    }

    /** Collects the event being handled into its batch, or indexes it at once. */
    void handle(long sequence, Object payload) {
        if (!CurrentUnitOfWork.isStarted() || !(CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event)) {
            index.accept(List.of(new IndexedEvent(null, sequence, payload)));
            return;
        }
        IndexedEvent indexed = new IndexedEvent(event.getIdentifier(), sequence, payload);
        if (careful.contains(event.getIdentifier())) {
            forgetOnCommit(event.getIdentifier());
            index.accept(List.of(indexed));
            return;
        }
        batch().add(indexed);
    }

    private List<IndexedEvent> batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(batchKey, key -> {
            List<IndexedEvent> batch = new ArrayList<>();
            root.onPrepareCommit(unitOfWork -> flush(batch));
            return batch;
        });
    }

    private void flush(List<IndexedEvent> batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            index.accept(List.copyOf(batch));
        } catch (RuntimeException e) {
            if (careful.size() < MAX_CAREFUL) {
                batch.forEach(event -> careful.add(event.eventId()));
            }
            log.warn("A batch of {} events of {} could not be indexed ({}); its events are retried one by one",
                    batch.size(), group, e.toString());
            throw e;
        }
    }

    /** A failed batch's event, retried on its own: once that commits it needs no remembering. */
    private void forgetOnCommit(String eventId) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> retried = root.getOrComputeResource(retriedKey, key -> {
            Set<String> ids = new HashSet<>();
            root.afterCommit(unitOfWork -> careful.removeAll(ids));
            return ids;
        });
        retried.add(eventId);
    }
}
