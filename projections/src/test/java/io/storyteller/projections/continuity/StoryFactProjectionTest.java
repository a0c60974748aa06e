package io.storyteller.projections.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.story.BeatsErased;
import io.storyteller.domain.story.StandingFacts;
import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactCorrected;
import io.storyteller.domain.story.StoryFactPinned;
import io.storyteller.domain.story.StoryFactsRecorded;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import java.sql.Timestamp;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StoryFactProjectionTest {

    static final ReadModelDatabase db = ReadModelDatabase.start();
    EventLog log;
    StoryFactProjection projection;

    private static final StoryFact RING = new StoryFact("possession", "player", "has ring", "parted", 1, "I give my ring away.");
    private static final StoryFact BERTEL = new StoryFact("death", "Bertel", "alive", "dead", 3, "");

    private static StoryFact tower(String value, int beat) {
        return new StoryFact("destroyed-place", "the Bell Tower", "standing", value, beat, "The tower is " + value + ".");
    }

    @BeforeEach
    void setUp() {
        db.clear();
        log = new EventLog();
        projection = new StoryFactProjection(db.jdbc());
    }

    @Test
    void aFactIsKeptWithItsKeyWhatItSaysItsBeatAndEvidence() {
        log.story("s1", new StoryFactsRecorded("s1", "a1", List.of(RING)));
        log.deliver(projection);

        Map<String, Object> row = db.row("SELECT * FROM story_facts");
        assertThat(row).containsEntry("story_id", "s1").containsEntry("fact_key", "possession/player/has-ring")
                .containsEntry("kind", "possession").containsEntry("entity", "player").containsEntry("attribute", "has ring")
                .containsEntry("value", "parted").containsEntry("since_beat", 1).containsEntry("evidence", "I give my ring away.")
                .containsEntry("beat_id", "a1").containsEntry("updated_at", Timestamp.from(EventLog.timeOf(0)));
        assertThat(row.get("pinned_by")).isNull();
        assertThat(row.get("corrected_by")).isNull();
    }

    @Test
    void aPinAndACorrectionNameWhoMadeThemAndHoldTheKeyAgainstLaterReadings() {
        log.story("s1", new StoryFactsRecorded("s1", "n2", List.of(tower("destroyed", 2))),
                new StoryFactCorrected("s1", tower("destroyed", 2).key(), "destroyed", "cracked", "olivia"),
                new StoryFactPinned("s1", BERTEL.key(), BERTEL, "wanda"),
                new StoryFactsRecorded("s1", "n4", List.of(tower("rebuilt", 4), new StoryFact("death", "Bertel", "alive", "alive", 4, ""))));
        log.deliver(projection);

        assertThat(db.rows("SELECT fact_key, value, beat_id, pinned_by, corrected_by FROM story_facts ORDER BY fact_key"))
                .containsExactly(
                        row("death/bertel/alive", "dead", null, "wanda", null),
                        row("destroyed-place/the-bell-tower/standing", "cracked", "n2", null, "olivia"));
    }

    @Test
    void theTableHoldsWhatTheDomainsRulesSayStands() {
        Object[] events = {
                new StoryFactsRecorded("s1", "a1", List.of(RING)),
                new StoryFactsRecorded("s1", "n2", List.of(tower("destroyed", 2))),
                new StoryFactsRecorded("s1", "n4", List.of(tower("rebuilt", 4))),
                new StoryFactsRecorded("s1", "n2", List.of(tower("destroyed", 2), BERTEL)), // n2 edited: n4 still decides
                new StoryFactsRecorded("s1", "a1", List.of()), // a1 edited: it no longer gives the ring away
                new StoryFactPinned("s1", RING.key(), RING, "olivia"),
                new BeatsErased("s1", List.of("n4", "n2"), "olivia")};
        log.story("s1", events);
        log.deliver(projection);

        List<StoryFact> expected = StandingFacts.of(List.of(events)).facts();
        assertThat(db.rows("SELECT kind, entity, attribute, value, since_beat, evidence FROM story_facts ORDER BY fact_key"))
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(f -> Map.<String, Object>of("kind", f.kind(),
                        "entity", f.entity(), "attribute", f.attribute(), "value", f.value(), "since_beat", f.sinceBeat(),
                        "evidence", f.evidence())).toList());
        assertThat(expected).containsExactly(RING);
    }

    @Test
    void aRedeliveredEventChangesNothingAndAReplayRebuildsTheSameTable() {
        log.story("s1", new StoryFactsRecorded("s1", "n2", List.of(tower("destroyed", 2), RING)),
                new StoryFactCorrected("s1", RING.key(), "parted", "holds", "olivia"),
                new BeatsErased("s1", List.of("n2"), "olivia"));
        log.story("s2", new StoryFactsRecorded("s2", "a1", List.of(BERTEL)));
        log.deliver(projection);
        var before = db.snapshot();

        log.redeliverAll(projection);
        assertThat(db.snapshot()).isEqualTo(before);

        log.replay(projection);
        assertThat(db.snapshot()).isEqualTo(before);
        assertThat(before.get("story_facts")).extracting(r -> r.get("fact_key"))
                .containsExactly("possession/player/has-ring", "death/bertel/alive");
    }

    private static Map<String, Object> row(String key, String value, String beatId, String pinnedBy, String correctedBy) {
        Map<String, Object> row = new java.util.LinkedHashMap<>();
        row.put("fact_key", key);
        row.put("value", value);
        row.put("beat_id", beatId);
        row.put("pinned_by", pinnedBy);
        row.put("corrected_by", correctedBy);
        return row;
    }
}
