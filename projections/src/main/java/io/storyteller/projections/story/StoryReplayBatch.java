package io.storyteller.projections.story;

import io.storyteller.projections.schema.BatchFallback;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;

/**
 * The writes a replay's batch of events collected, written at the batch's end. Row writes run in the
 * order their events came, each run of one SQL as one JDBC batch (the driver sends it in one round
 * trip); story rows are then changed once each, with every change folded in ({@link StoryDelta}).
 * Folding the story changes is what lets the row writes run in long runs: between two beats of a
 * turn there is no longer an update of the story.
 */
final class StoryReplayBatch implements BatchFallback.Collected {

    private record Collected(String eventId, TableWrite write, StoryDelta change) {
    }

    private final List<Collected> collected = new ArrayList<>();

    void write(String eventId, TableWrite write) {
        collected.add(new Collected(eventId, write, null));
    }

    void change(String eventId, StoryDelta change) {
        collected.add(new Collected(eventId, null, change));
    }

    @Override
    public void discard(String eventId) {
        collected.removeIf(item -> item.eventId().equals(eventId));
    }

    @Override
    public Set<String> eventIds() {
        return collected.stream().map(Collected::eventId).collect(Collectors.toSet());
    }

    @Override
    public boolean isEmpty() {
        return collected.isEmpty();
    }

    void flush(NamedParameterJdbcOperations jdbc) {
        List<TableWrite> run = new ArrayList<>();
        Map<String, StoryDelta> stories = new LinkedHashMap<>();
        for (Collected item : collected) {
            if (item.change() != null) {
                stories.merge(item.change().storyId(), item.change(), StoryDelta::then);
                continue;
            }
            if (!run.isEmpty() && !run.getFirst().sql().equals(item.write().sql())) {
                execute(jdbc, run);
                run.clear();
            }
            run.add(item.write());
        }
        execute(jdbc, run);
        if (!stories.isEmpty()) {
            jdbc.batchUpdate(StoryTable.CHANGE, SqlParameterSourceUtils.createBatch(
                    stories.values().stream().map(StoryDelta::params).toList()));
        }
        collected.clear();
    }

    private static void execute(NamedParameterJdbcOperations jdbc, List<TableWrite> run) {
        if (run.isEmpty()) {
            return;
        }
        if (run.size() == 1) {
            jdbc.update(run.getFirst().sql(), run.getFirst().params());
            return;
        }
        SqlParameterSource[] rows = SqlParameterSourceUtils.createBatch(run.stream().map(TableWrite::params).toList());
        jdbc.batchUpdate(run.getFirst().sql(), rows);
    }
}
