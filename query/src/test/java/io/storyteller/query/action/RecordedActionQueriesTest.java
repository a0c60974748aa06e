package io.storyteller.query.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.storyteller.domain.shared.Actor;
import io.storyteller.domain.shared.DomainRejection;
import io.storyteller.domain.shared.PlatformRole;
import io.storyteller.domain.story.FindRecentPlayerActions;
import io.storyteller.domain.story.PlayerActionSubmitted;
import io.storyteller.domain.story.RecordedPlayerAction;
import io.storyteller.domain.world.ContentRating;
import io.storyteller.domain.world.WorldCreated;
import io.storyteller.domain.world.WorldSettings;
import io.storyteller.projections.action.RecordedActionProjection;
import io.storyteller.projections.support.EventLog;
import io.storyteller.projections.support.ReadModelDatabase;
import io.storyteller.projections.world.WorldProjection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

/**
 * World w1 ("Ashfall") has actions 0, 2, 4 … 14, world w2 (no world on record) 1, 3 … 13; one
 * event apart each, so "action i" happened at second i + 1.
 */
class RecordedActionQueriesTest {

    static ReadModelDatabase db;
    static RecordedActionQueries queries;

    @BeforeAll
    static void load() {
        db = ReadModelDatabase.start();
        EventLog log = new EventLog();
        log.world("w1", new WorldCreated("w1", new WorldSettings("Ashfall", "p", "fantasy", "dark", ContentRating.TEEN, ""),
                "olga"));
        for (int i = 0; i < 15; i++) {
            String world = i % 2 == 0 ? "w1" : "w2";
            log.story("s-" + world, new PlayerActionSubmitted("s-" + world, world, "a" + i, "pia", "action " + i));
        }
        log.deliver(new WorldProjection(db.jdbc()), new RecordedActionProjection(new NamedParameterJdbcTemplate(db.dataSource())));
        queries = new RecordedActionQueries(db.jdbc());
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    @Test
    void aWorldsNewestActionsComeOldestFirstWithTheWorldsName() {
        List<RecordedPlayerAction> actions = queries.handle(new FindRecentPlayerActions("w1", 3, Actor.system()));

        assertThat(actions).extracting(RecordedPlayerAction::text).containsExactly("action 10", "action 12", "action 14");
        assertThat(actions.getFirst()).isEqualTo(new RecordedPlayerAction("w1", "Ashfall", "s-w1", "a10", "action 10",
                EventLog.timeOf(11)));
    }

    @Test
    void withoutAWorldTheNewestOfAllWorldsAreReplayed() {
        List<RecordedPlayerAction> actions = queries.handle(new FindRecentPlayerActions(null, 12, Actor.system()));

        assertThat(actions).hasSize(12);
        assertThat(actions.getFirst().text()).isEqualTo("action 3");
        assertThat(actions.getLast().text()).isEqualTo("action 14");
        assertThat(actions.getFirst().worldName()).as("w2 is not on record").isNull();
    }

    @Test
    void aModelManagerMayReadButAPlayerMayNot() {
        Actor manager = new Actor("mona", Set.of(PlatformRole.MODEL_MANAGER));
        assertThat(queries.handle(new FindRecentPlayerActions("w2", 100, manager))).hasSize(7);

        assertThatThrownBy(() -> queries.handle(new FindRecentPlayerActions("w1", 3,
                new Actor("pia", Set.of(PlatformRole.PLAYER))))).isInstanceOf(DomainRejection.class)
                .hasMessageContaining("model manager");
    }

    @Test
    void theLimitIsOneToAThousand() {
        assertThatThrownBy(() -> queries.handle(new FindRecentPlayerActions(null, 0, Actor.system())))
                .isInstanceOf(DomainRejection.class).hasMessageContaining("limit");
        assertThatThrownBy(() -> queries.handle(new FindRecentPlayerActions(null, 1001, Actor.system())))
                .isInstanceOf(DomainRejection.class).hasMessageContaining("limit");
    }
}
