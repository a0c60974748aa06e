package io.storyteller.projections.continuity;

import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactCorrected;
import io.storyteller.domain.story.StoryFactPinned;
import io.storyteller.domain.story.StoryFactsRecorded;
import io.storyteller.projections.schema.Columns;
import java.time.Instant;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.AllowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code story_facts}: the facts that stand in each story, by the domain's rules
 * ({@code StandingFacts}) written as SQL. Every statement leaves the same rows when its event comes
 * again (a beat's reading first removes what that beat established, then writes it anew), so a
 * redelivered event changes nothing; a reset truncates and the replay rebuilds the table.
 */
@Component
@ProcessingGroup(StoryFactProjection.GROUP)
@AllowReplay
public class StoryFactProjection {

    /** The processing group of the story facts' read model (the recorder's is "story-fact-reading"). */
    public static final String GROUP = "story-facts";

    /** Not held by a person: only these are replaced by readings or taken away by erasures. */
    private static final String UNHELD = "pinned_by IS NULL AND corrected_by IS NULL";

    private final JdbcClient jdbc;

    public StoryFactProjection(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(StoryFactsRecorded event, @Timestamp Instant at) {
        jdbc.sql("DELETE FROM story_facts WHERE story_id = :storyId AND beat_id = :beatId AND " + UNHELD)
                .param("storyId", event.storyId())
                .param("beatId", event.beatId())
                .update();
        for (StoryFact fact : event.facts()) {
            // A held key, or one a later beat established, stays as it is.
            jdbc.sql("""
                    INSERT INTO story_facts (story_id, fact_key, kind, entity, attribute, value, since_beat, evidence,
                                             beat_id, updated_at)
                    VALUES (:storyId, :key, :kind, :entity, :attribute, :value, :sinceBeat, :evidence, :beatId, :at)
                    ON CONFLICT (story_id, fact_key) DO UPDATE SET
                        kind = EXCLUDED.kind, entity = EXCLUDED.entity, attribute = EXCLUDED.attribute,
                        value = EXCLUDED.value, since_beat = EXCLUDED.since_beat, evidence = EXCLUDED.evidence,
                        beat_id = EXCLUDED.beat_id, updated_at = EXCLUDED.updated_at
                    WHERE story_facts.pinned_by IS NULL AND story_facts.corrected_by IS NULL
                      AND story_facts.since_beat <= EXCLUDED.since_beat""")
                    .param("storyId", event.storyId())
                    .param("key", fact.key())
                    .param("kind", fact.kind())
                    .param("entity", fact.entity())
                    .param("attribute", fact.attribute())
                    .param("value", fact.value())
                    .param("sinceBeat", fact.sinceBeat())
                    .param("evidence", fact.evidence() == null ? "" : fact.evidence())
                    .param("beatId", event.beatId())
                    .param("at", Columns.time(at))
                    .update();
        }
    }

    @EventHandler
    void on(StoryFactPinned event, @Timestamp Instant at) {
        StoryFact fact = event.fact();
        jdbc.sql("""
                INSERT INTO story_facts (story_id, fact_key, kind, entity, attribute, value, since_beat, evidence,
                                         beat_id, pinned_by, updated_at)
                VALUES (:storyId, :key, :kind, :entity, :attribute, :value, :sinceBeat, :evidence, NULL, :by, :at)
                ON CONFLICT (story_id, fact_key) DO UPDATE SET
                    kind = EXCLUDED.kind, entity = EXCLUDED.entity, attribute = EXCLUDED.attribute,
                    value = EXCLUDED.value, since_beat = EXCLUDED.since_beat, evidence = EXCLUDED.evidence,
                    beat_id = NULL, pinned_by = EXCLUDED.pinned_by, updated_at = EXCLUDED.updated_at""")
                .param("storyId", event.storyId())
                .param("key", event.factKey())
                .param("kind", fact.kind())
                .param("entity", fact.entity())
                .param("attribute", fact.attribute())
                .param("value", fact.value())
                .param("sinceBeat", fact.sinceBeat())
                .param("evidence", fact.evidence() == null ? "" : fact.evidence())
                .param("by", event.pinnedBy())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(StoryFactCorrected event, @Timestamp Instant at) {
        jdbc.sql("""
                UPDATE story_facts SET value = :value, corrected_by = :by, updated_at = :at
                WHERE story_id = :storyId AND fact_key = :key""")
                .param("storyId", event.storyId())
                .param("key", event.factKey())
                .param("value", event.value())
                .param("by", event.correctedBy())
                .param("at", Columns.time(at))
                .update();
    }

    @EventHandler
    void on(BeatsErased event) {
        jdbc.sql("DELETE FROM story_facts WHERE story_id = :storyId AND beat_id = ANY(:beatIds) AND " + UNHELD)
                .param("storyId", event.storyId())
                .param("beatIds", Columns.textArray(event.beatIds()))
                .update();
    }

    /** Before a replay: the replay rebuilds the table from the first event. */
    @ResetHandler
    public void reset() {
        jdbc.sql("TRUNCATE story_facts").update();
    }
}
