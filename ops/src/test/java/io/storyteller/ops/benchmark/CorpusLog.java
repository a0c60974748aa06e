package io.storyteller.ops.benchmark;

import io.storyteller.domain.safety.HarmCategory;
import io.storyteller.domain.story.BeatEdited;
import io.storyteller.domain.story.BeatFlagged;
import io.storyteller.domain.story.BeatKind;
import io.storyteller.domain.story.BeatRated;
import io.storyteller.domain.story.CandidateOutcome;
import io.storyteller.domain.story.CandidateReport;
import io.storyteller.domain.story.NarrationProvenance;
import io.storyteller.domain.story.NarrationRecorded;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.StoryEnded;
import io.storyteller.domain.story.StoryStarted;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.LoreContent;
import io.storyteller.domain.world.LoreEntryAdded;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.ops.storage.StoredJson;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Writes an event log of played stories straight into Axon's event table, in the stored shape
 * (the stored JSON format, payload type, ISO time stamp), in batched multi-row inserts: worlds with
 * lore, then stories of turns (action, narration with three judged candidates, now and then a retry,
 * an edit, a rating, a flag), most of them ended.
 */
final class CorpusLog {

    private static final int WORLDS = 20;
    private static final int LORE_PER_WORLD = 10;
    private static final int TURNS_PER_STORY = 24;
    private static final int BATCH = 2000;
    private static final String INSERT = "INSERT INTO domainevententry (aggregateidentifier, sequencenumber, type,"
            + " eventidentifier, metadata, payload, payloadrevision, payloadtype, timestamp) VALUES (?, ?, ?, ?, ?, ?, NULL, ?, ?)";
    private static final byte[] NO_METADATA = "{}".getBytes();

    private final ObjectMapper json = StoredJson.mapper();
    private final Random random = new Random(42);
    private final Instant start = Instant.parse("2026-01-01T00:00:00Z");
    private PreparedStatement insert;
    private long written;
    private int pending;
    private Consumer<String> indexedTexts = text -> {
    };

    /** Tells {@code texts} every text the search indexes embed (lore entries and beats as they read), as it is written. */
    CorpusLog reportingIndexedTexts(Consumer<String> texts) {
        this.indexedTexts = texts;
        return this;
    }

    /** Appends about {@code events} events; answers how many were written. */
    long append(DataSource dataSource, long events) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            insert = connection.prepareStatement(INSERT);
            for (int w = 0; w < WORLDS; w++) {
                String worldId = "world-" + w;
                long sequence = 0;
                add(worldId, sequence++, "World", new WorldCreated(worldId, new WorldSettings("World " + w,
                        "A coast of fog and lanterns, number " + w + ".", "mystery", "quiet", ContentRating.TEEN, "second person"), "owner-" + w));
                for (int l = 0; l < LORE_PER_WORLD; l++) {
                    LoreContent lore = new LoreContent("Place " + l + " of world " + w, List.of("place" + l),
                            "A place where the tide keeps secret number " + l + " of world " + w + ".", "places", l, l == 0);
                    add(worldId, sequence++, "World", new LoreEntryAdded(worldId, "lore-" + w + "-" + l, lore, "owner-" + w));
                    indexedTexts.accept(lore.title() + ". " + lore.content());
                }
            }
            for (int story = 0; written < events; story++) {
                story(story, events);
            }
            flush(connection);
        }
        return written;
    }

    private void story(int index, long limit) throws Exception {
        String storyId = "story-" + index;
        String worldId = "world-" + index % WORLDS;
        String player = "player-" + index % 997 + "@example.org";
        long sequence = 0;
        add(storyId, sequence++, "Story", new StoryStarted(storyId, worldId, "Story " + index, player));
        for (int turn = 0; turn < TURNS_PER_STORY && written < limit; turn++) {
            String action = "a-" + index + "-" + turn;
            String beat = "n-" + index + "-" + turn;
            String acted = "In story " + index + " I try move " + turn + ", looking for the lantern keeper.";
            add(storyId, sequence++, "Story", new PlayerActionSubmitted(storyId, worldId, action, player, acted));
            indexedTexts.accept(acted);
            String chosen = "Story " + index + ", turn " + turn + ": the fog parts and the keeper's lamp swings toward you.";
            indexedTexts.accept(chosen);
            add(storyId, sequence++, "Story", new NarrationRecorded(storyId, worldId, "r-" + beat, action, beat, 0, chosen,
                    provenance(worldId, chosen, "Story " + index + ", turn " + turn + ": nothing happens at all.")));
            int roll = random.nextInt(20);
            if (roll == 0) {
                String retried = "Story " + index + ", turn " + turn + ": the keeper steps out of the fog instead.";
                add(storyId, sequence++, "Story", new NarrationRecorded(storyId, worldId, "r2-" + beat, action, beat, 1,
                        retried, provenance(worldId, chosen, null)));
                indexedTexts.accept(retried);
            } else if (roll == 1) {
                add(storyId, sequence++, "Story", new BeatEdited(storyId, beat, chosen, chosen + " Someone laughs.", player));
                indexedTexts.accept(chosen + " Someone laughs.");
            } else if (roll == 2 || roll == 3) {
                add(storyId, sequence++, "Story", new BeatRated(storyId, beat, 1 + random.nextInt(5), player));
            } else if (roll == 4) {
                add(storyId, sequence++, "Story", new BeatFlagged(storyId, worldId, beat, BeatKind.NARRATION, chosen,
                        List.of(HarmCategory.VIOLENCE), 1 + random.nextInt(3), false, "moderator"));
            }
        }
        if (index % 5 != 0) {
            add(storyId, sequence, "Story", new StoryEnded(storyId, player));
        }
    }

    private static NarrationProvenance provenance(String worldId, String chosen, String loser) {
        List<CandidateReport> candidates = loser == null ? List.of() : List.of(
                new CandidateReport(0, 1, "narrator:global", null, null, null, "house:" + worldId, "3", chosen, null, 120, 300, 40, null, CandidateOutcome.CHOSEN),
                new CandidateReport(1, 1, "narrator:global", null, null, null, "house:" + worldId, "3", loser, null, 130, 300, 38, null, CandidateOutcome.OUTRANKED),
                new CandidateReport(2, 1, "narrator:global", null, null, null, "house:" + worldId, "3", null, "timeout", 4000, 300, 0, null, CandidateOutcome.FAILED));
        return new NarrationProvenance("house:" + worldId, "3", "sha256:abc", List.of("lore-" + worldId.substring(6) + "-0"), 130, 300, 40)
                .judged(candidates, "highest total", List.of());
    }

    private void add(String aggregate, long sequence, String type, Object payload) throws Exception {
        insert.setString(1, aggregate);
        insert.setLong(2, sequence);
        insert.setString(3, type);
        insert.setString(4, UUID.randomUUID().toString());
        insert.setBytes(5, NO_METADATA);
        insert.setBytes(6, json.writeValueAsBytes(payload));
        insert.setString(7, payload.getClass().getName());
        insert.setString(8, start.plusMillis(written * 100).toString());
        insert.addBatch();
        written++;
        if (++pending == BATCH) {
            flush(insert.getConnection());
        }
    }

    private void flush(Connection connection) throws Exception {
        if (pending > 0) {
            insert.executeBatch();
            connection.commit();
            pending = 0;
        }
    }
}
