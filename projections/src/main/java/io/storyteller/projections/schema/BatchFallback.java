package io.storyteller.projections.schema;

import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The work a projection collects over a processor's batch, written when the batch prepares to
 * commit (before the processor's token is stored), and what happens when that write fails. A
 * failed batch cannot say which of its events was bad, and one bad event must not stop the others:
 * its events are remembered, and when the processor delivers them again each is written at once in
 * its handler (and savepoint), so the bad one fails alone and is dead-lettered while the others are
 * kept. Once such an event's unit of work commits it is forgotten. One per projection group.
 *
 * @param <B> the collected work of one batch
 */
public final class BatchFallback<B extends BatchFallback.Collected> {

    /** One batch's collected work. */
    public interface Collected {

        boolean isEmpty();

        /** The events whose work it holds. */
        Collection<String> eventIds();

        /** Drops an event's work: one of its handlers failed, so it is handled not at all. */
        void discard(String eventId);
    }

    private static final Logger log = LoggerFactory.getLogger(BatchFallback.class);
    /** Events of failed batches are remembered until retried; a bound in case one never comes back. */
    private static final int MAX_REMEMBERED = 100_000;

    private final String name;
    private final String batchKey;
    private final String retriedKey;
    private final Supplier<B> newBatch;
    private final Consumer<B> write;
    private final Set<String> failed = ConcurrentHashMap.newKeySet();

    /**
     * @param name  the projection, for the keys of its unit-of-work resources and the log
     * @param write writes a batch's work, all of it or nothing (it throws)
     */
    public BatchFallback(String name, Supplier<B> newBatch, Consumer<B> write) {
        this.name = name;
        this.batchKey = BatchFallback.class.getName() + "." + name;
        this.retriedKey = batchKey + ".retried";
        this.newBatch = newBatch;
        this.write = write;
    }

    /** Whether the event belongs to a batch that failed and is to be written at once instead. */
    public boolean failedBefore(EventMessage<?> event) {
        return failed.contains(event.getIdentifier());
    }

    /**
     * Whether the event, being handled now, is to be written at once because its batch failed before;
     * if so it is forgotten once its unit of work commits.
     */
    public boolean retryingAlone(EventMessage<?> event) {
        if (!failedBefore(event)) {
            return false;
        }
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> retried = root.getOrComputeResource(retriedKey, key -> {
            Set<String> ids = new HashSet<>();
            root.afterCommit(unitOfWork -> failed.removeAll(ids));
            return ids;
        });
        retried.add(event.getIdentifier());
        return true;
    }

    /** The current unit of work's batch, made (and its write registered) on first use. */
    public B batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(batchKey, key -> {
            B batch = newBatch.get();
            root.onPrepareCommit(unitOfWork -> writeOrRemember(batch));
            return batch;
        });
    }

    /** Drops what the event's handlers collected into the current batch, if there is one. */
    public void discard(EventMessage<?> event) {
        if (CurrentUnitOfWork.isStarted()) {
            B batch = CurrentUnitOfWork.get().root().getResource(batchKey);
            if (batch != null) {
                batch.discard(event.getIdentifier());
            }
        }
    }

    private void writeOrRemember(B batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            write.accept(batch);
        } catch (RuntimeException e) {
            if (failed.size() < MAX_REMEMBERED) {
                failed.addAll(batch.eventIds());
            }
            log.warn("A batch of {} could not be written ({}); its events are retried one by one", name, e.toString());
            throw e;
        }
    }
}
