package io.storyteller.projections.story;

import io.storyteller.projections.schema.BatchFallback;
import io.storyteller.projections.schema.Runs;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations;
import org.springframework.jdbc.core.namedparam.SqlParameterSource;
import org.springframework.jdbc.core.namedparam.SqlParameterSourceUtils;

/**
 * The writes a replay's batch of events collected, written at the batch's end. The beats it appends
 * are inserted by one statement, before the updates of beats that came between them (a
 * {@code Stretch} says when that order leaves what log order leaves); other row writes run in the
 * order their events came, each run of one SQL as one JDBC batch (the driver sends it in one round
 * trip). Story rows are then changed once each, with every change folded in ({@link StoryDelta}):
 * between two beats of a turn there is no update of the story. Beat positions and counts are kept in memory over
 * the batch ({@link BeatPositions}): one query per batch instead of a lookup per beat and per story.
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

    /** Writes what the batch collected; returns how many writes that was. */
    int flush(NamedParameterJdbcOperations jdbc) {
        int writes = collected.size();
        BeatPositions positions = BeatPositions.read(jdbc, storiesWhoseBeatsChange());
        Map<String, StoryDelta> stories = new LinkedHashMap<>();
        Stretch stretch = new Stretch();
        for (Collected item : collected) {
            if (item.change() != null) {
                stories.merge(item.change().storyId(), item.change(), StoryDelta::then);
            } else if (BeatTable.appends(item.write())) {
                if (stretch.writesBeatOf(item.write())) {
                    stretch.execute(jdbc, positions);
                }
                stretch.appends.add(item.write());
            } else {
                stretch.add(item.write());
                if (BeatTable.erases(item.write())) {
                    stretch.execute(jdbc, positions);
                }
            }
        }
        stretch.execute(jdbc, positions);
        if (!stories.isEmpty()) {
            jdbc.batchUpdate(StoryTable.CHANGE, SqlParameterSourceUtils.createBatch(stories.values().stream()
                    .map(change -> change.params(positions.count(change.storyId()))).toList()));
        }
        collected.clear();
        return writes;
    }

    /**
     * A stretch of the batch's row writes whose appended beats are written first, in one statement,
     * and its other writes after them, in order. That leaves what writing them in log order leaves as
     * long as none of the other writes touches a beat appended after it (an update of a beat not yet
     * there changes nothing) and none erases beats before an append; a stretch ends before such an
     * append and after an erasure.
     */
    private static final class Stretch {

        final List<TableWrite> appends = new ArrayList<>();
        final List<TableWrite> others = new ArrayList<>();
        final Set<String> beatsOfOthers = new HashSet<>();

        void add(TableWrite write) {
            others.add(write);
            Object beatId = write.params().get("beatId");
            if (beatId instanceof String id) {
                beatsOfOthers.add(write.params().get("storyId") + "/" + id);
            }
        }

        boolean writesBeatOf(TableWrite append) {
            return beatsOfOthers.contains(append.params().get("storyId") + "/" + append.params().get("beatId"));
        }

        void execute(NamedParameterJdbcOperations jdbc, BeatPositions positions) {
            StoryReplayBatch.execute(jdbc, appends, positions);
            Runs.each(others, TableWrite::sql, run -> StoryReplayBatch.execute(jdbc, run, positions));
            appends.clear();
            others.clear();
            beatsOfOthers.clear();
        }
    }

    private Set<String> storiesWhoseBeatsChange() {
        Set<String> storyIds = new HashSet<>();
        for (Collected item : collected) {
            if (item.change() != null ? item.change().recounts() : BeatTable.changesPositions(item.write())) {
                storyIds.add(item.change() != null ? item.change().storyId() : (String) item.write().params().get("storyId"));
            }
        }
        return storyIds;
    }

    /**
     * Runs one run of writes of the same SQL as one JDBC batch. Appended beats get their positions
     * from memory and are inserted by one statement ({@link BeatTable#appendAll}), so an append that
     * finds its beat already there (written by an earlier batch: the log repeats a beat id) would
     * leave a gap; the batch then fails, and is retried event by event as written live, where the
     * append takes the highest position the table has.
     */
    private static void execute(NamedParameterJdbcOperations jdbc, List<TableWrite> run, BeatPositions positions) {
        if (run.isEmpty()) {
            return;
        }
        if (BeatTable.appends(run.getFirst())) {
            List<TableWrite> placed = new ArrayList<>();
            for (TableWrite append : run) {
                int position = positions.append((String) append.params().get("storyId"),
                        (String) append.params().get("beatId"));
                if (position > 0) {
                    placed.add(BeatTable.appendAt(append, position));
                }
            }
            if (!placed.isEmpty()) {
                TableWrite appendAll = BeatTable.appendAll(placed);
                if (jdbc.update(appendAll.sql(), appendAll.params()) < placed.size()) {
                    throw new IllegalStateException("a replayed beat was in the beats table already");
                }
            }
            return;
        }
        int[] counts = batch(jdbc, run);
        if (BeatTable.erases(run.getFirst())) {
            for (int i = 0; i < run.size(); i++) {
                Map<String, Object> params = run.get(i).params();
                positions.erased((String) params.get("storyId"), List.of((String[]) params.get("beatIds")), counts[i]);
            }
        }
    }

    private static int[] batch(NamedParameterJdbcOperations jdbc, List<TableWrite> run) {
        if (run.isEmpty()) {
            return new int[0];
        }
        if (run.size() == 1) {
            return new int[] {jdbc.update(run.getFirst().sql(), run.getFirst().params())};
        }
        SqlParameterSource[] rows = SqlParameterSourceUtils.createBatch(run.stream().map(TableWrite::params).toList());
        return jdbc.batchUpdate(run.getFirst().sql(), rows);
    }
}
