package io.storyteller.projections.story;

import io.storyteller.projections.schema.BatchedReplay;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Where the {@code stories} processing group's writes go. Live, each is written at once. While the
 * group replays, an event's writes are collected in its batch ({@link StoryReplayBatch}) and written
 * when the batch commits: a few round trips per batch instead of several per event. Should that
 * batch write fail (a row PostgreSQL refuses), the batch is rolled back and retried by the
 * processor, and its events are then written one by one, each in its savepoint, so the one bad
 * event is dead-lettered as it would be live and the others are kept.
 */
@Component
public class StoryWrites implements BatchedReplay {

    private static final Logger log = LoggerFactory.getLogger(StoryWrites.class);
    private static final String BATCH = StoryReplayBatch.class.getName();
    private static final String RETRIED = StoryWrites.class.getName() + ".retried";
    /** Events of failed batches are remembered until retried; a bound in case one never comes back. */
    private static final int MAX_CAREFUL = 100_000;

    private final NamedParameterJdbcOperations jdbc;
    private final Set<String> careful = ConcurrentHashMap.newKeySet();

    public StoryWrites(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean collects(EventMessage<?> event) {
        return ReplayToken.isReplay(event) && CurrentUnitOfWork.isStarted() && !careful.contains(event.getIdentifier());
    }

    @Override
    public void discard(EventMessage<?> event) {
        if (CurrentUnitOfWork.isStarted()) {
            StoryReplayBatch batch = CurrentUnitOfWork.get().root().getResource(BATCH);
            if (batch != null) {
                batch.discard(event.getIdentifier());
            }
        }
    }

    void write(TableWrite write) {
        String eventId = collecting();
        if (eventId == null) {
            jdbc.update(write.sql(), write.params());
        } else {
            batch().write(eventId, write);
        }
    }

    void change(StoryDelta change) {
        String eventId = collecting();
        if (eventId == null) {
            jdbc.update(StoryTable.CHANGE, change.params());
        } else {
            batch().change(eventId, change);
        }
    }

    /** The event being handled when its writes are collected; null when they are written at once. */
    private String collecting() {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event) || !ReplayToken.isReplay(event)) {
            return null;
        }
        if (careful.contains(event.getIdentifier())) {
            forgetOnCommit(event.getIdentifier());
            return null;
        }
        return event.getIdentifier();
    }

    /** A failed batch's event, retried one by one: once that commits it needs no remembering. */
    private void forgetOnCommit(String eventId) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        Set<String> retried = root.getOrComputeResource(RETRIED, key -> {
            Set<String> ids = new HashSet<>();
            root.afterCommit(unitOfWork -> careful.removeAll(ids));
            return ids;
        });
        retried.add(eventId);
    }

    private StoryReplayBatch batch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(BATCH, key -> {
            StoryReplayBatch batch = new StoryReplayBatch();
            root.onPrepareCommit(unitOfWork -> flush(batch));
            return batch;
        });
    }

    private void flush(StoryReplayBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            batch.flush(jdbc);
        } catch (RuntimeException e) {
            if (careful.size() < MAX_CAREFUL) {
                careful.addAll(batch.eventIds());
            }
            log.warn("A replayed batch of the stories read model could not be written ({}); its events are retried "
                    + "one by one", e.toString());
            throw e;
        }
    }
}
