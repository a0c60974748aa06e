package io.storyteller.projections.story;

import io.storyteller.projections.schema.BatchFallback;
import io.storyteller.projections.schema.BatchedReplay;
import io.storyteller.projections.schema.ReplayStatistics;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.stereotype.Component;

/**
 * Where the {@code stories} processing group's writes go. Live, each is written at once. While the
 * group replays, an event's writes are collected in its batch ({@link StoryReplayBatch}) and written
 * when the batch commits: a few round trips per batch instead of several per event. Should that
 * batch write fail (a row PostgreSQL refuses), the batch is rolled back and retried by the
 * processor, and its events are then written one by one, each in its savepoint, so the one bad
 * event is dead-lettered as it would be live and the others are kept. The tables' statistics are
 * kept current as a replay refills them ({@link ReplayStatistics}).
 */
@Component
public class StoryWrites implements BatchedReplay {

    private final NamedParameterJdbcOperations jdbc;
    private final BatchFallback<StoryReplayBatch> batches;
    private final ReplayStatistics statistics;

    public StoryWrites(NamedParameterJdbcOperations jdbc) {
        this.jdbc = jdbc;
        this.statistics = new ReplayStatistics(jdbc.getJdbcOperations(),
                "beats (story_id, beat_id, position)", "stories", "story_participants");
        this.batches = new BatchFallback<>("the stories read model's replay", StoryReplayBatch::new,
                batch -> statistics.wrote(batch.flush(jdbc)));
    }

    /** The group's tables were emptied for a replay. */
    void replayStarts() {
        statistics.reset();
    }

    @Override
    public boolean collects(EventMessage<?> event) {
        return ReplayToken.isReplay(event) && CurrentUnitOfWork.isStarted() && !batches.failedBefore(event);
    }

    @Override
    public void discard(EventMessage<?> event) {
        batches.discard(event);
    }

    void write(TableWrite write) {
        String eventId = collecting();
        if (eventId == null) {
            jdbc.update(write.sql(), write.params());
        } else {
            batches.batch().write(eventId, write);
        }
    }

    void change(StoryDelta change) {
        String eventId = collecting();
        if (eventId == null) {
            jdbc.update(StoryTable.CHANGE, change.params());
        } else {
            batches.batch().change(eventId, change);
        }
    }

    /** The event being handled when its writes are collected; null when they are written at once. */
    private String collecting() {
        if (!CurrentUnitOfWork.isStarted()
                || !(CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?> event) || !ReplayToken.isReplay(event)
                || batches.retryingAlone(event)) {
            return null;
        }
        return event.getIdentifier();
    }
}
