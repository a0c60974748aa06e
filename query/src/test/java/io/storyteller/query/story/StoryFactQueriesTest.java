package io.storyteller.query.story;

import static io.storyteller.query.SamplePlatform.ADAM;
import static io.storyteller.query.SamplePlatform.NINA;
import static io.storyteller.query.SamplePlatform.OLGA;
import static io.storyteller.query.SamplePlatform.PAUL;
import static io.storyteller.query.SamplePlatform.PIA;
import static io.storyteller.query.SamplePlatform.ROOT;
import static io.storyteller.query.SamplePlatform.STRANGER;
import static org.assertj.core.api.Assertions.assertThat;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.story.FindStoryFacts;
import io.storyteller.domain.story.StoryFact;
import io.storyteller.domain.story.StoryFactPinned;
import io.storyteller.domain.story.StoryFactView;
import io.storyteller.domain.story.StoryFactsRecorded;
import io.storyteller.projections.continuity.StoryFactProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import io.storyteller.query.SamplePlatform;
import java.util.List;
import org.axonframework.queryhandling.SimpleQueryUpdateEmitter;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** A story's facts are read by those who may read the story, and by nobody else. */
class StoryFactQueriesTest {

    static ReadModelDatabase db;
    static StoryFactQueries queries;

    private static final StoryFact RING = new StoryFact("possession", "player", "has ring", "parted", 1, "I give my ring away.");
    private static final StoryFact TOWER = new StoryFact("destroyed-place", "the Bell Tower", "standing", "destroyed", 2, "It sank.");

    @BeforeAll
    static void load() {
        db = ReadModelDatabase.start();
        EventLog log = SamplePlatform.events();
        log.story("s1", new StoryFactsRecorded("s1", "n1", List.of(TOWER)), new StoryFactsRecorded("s1", "a1", List.of(RING)),
                new StoryFactPinned("s1", "death/bertel/alive", new StoryFact("death", "Bertel", "alive", "dead", 0, ""), "pia"));
        log.deliver(SamplePlatform.projections(db, SimpleQueryUpdateEmitter.builder().build()));
        log.deliver(new StoryFactProjection(db.jdbc()));
        log.redeliverAll(new StoryFactProjection(db.jdbc()));
        queries = new StoryFactQueries(db.jdbc());
    }

    @Test
    void theStorysFactsOldestBeatFirstWithWhoPinnedThem() {
        List<StoryFactView> facts = queries.handle(new FindStoryFacts("s1", PIA));

        assertThat(facts).extracting(StoryFactView::key).containsExactly("death/bertel/alive",
                "possession/player/has-ring", "destroyed-place/the-bell-tower/standing");
        assertThat(facts.getFirst().pinnedBy()).isEqualTo("pia");
        assertThat(facts.getFirst().beatId()).isNull();
        assertThat(facts.get(1)).isEqualTo(new StoryFactView("s1", RING.key(), "possession", "player", "has ring", "parted",
                1, "I give my ring away.", "a1", null, null));
    }

    @ParameterizedTest
    @MethodSource("readers")
    void thoseWhoMayReadTheStorySeeItsFacts(Actor reader) {
        assertThat(queries.handle(new FindStoryFacts("s1", reader))).hasSize(3);
    }

    @ParameterizedTest
    @MethodSource("others")
    void nobodyElseSeesAnyAsIfTheStoryDidNotExist(Actor other) {
        assertThat(queries.handle(new FindStoryFacts("s1", other))).isEmpty();
        assertThat(queries.handle(new FindStoryFacts("no-such-story", ROOT))).isEmpty();
    }

    static List<Actor> readers() {
        return List.of(PIA, OLGA, ADAM, ROOT);
    }

    static List<Actor> others() {
        return java.util.Arrays.asList(PAUL, NINA, STRANGER, null);
    }
}
